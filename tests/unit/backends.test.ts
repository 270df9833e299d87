import { describe, expect, it } from 'vitest';
import {
  BACKEND_ORDER,
  backendOverrideFromSearch,
  chooseBackend,
  describeAttempts,
  planBackends,
  type BackendName,
} from '../../src/runtime/backends';

describe('backend plan', () => {
  it('tries webgpu, then webgl, then cpu by default', () => {
    expect(BACKEND_ORDER).toEqual(['webgpu', 'webgl', 'cpu']);
    expect(planBackends(null)).toEqual({ order: ['webgpu', 'webgl', 'cpu'] });
    expect(planBackends('')).toEqual({ order: ['webgpu', 'webgl', 'cpu'] });
  });

  it('tries a forced backend first and keeps the others as fallbacks', () => {
    expect(planBackends('webgl')).toEqual({ order: ['webgl', 'webgpu', 'cpu'], forced: 'webgl' });
    expect(planBackends('cpu')).toEqual({ order: ['cpu', 'webgpu', 'webgl'], forced: 'cpu' });
    expect(planBackends(' WebGPU ').forced).toBe('webgpu');
  });

  it('warns about an unknown override and uses the default order', () => {
    const plan = planBackends('wasm');
    expect(plan.order).toEqual(['webgpu', 'webgl', 'cpu']);
    expect(plan.forced).toBeUndefined();
    expect(plan.warning).toMatch(/Unknown backend "wasm"/);
  });

  it('reads ?backend= from a query string', () => {
    expect(backendOverrideFromSearch('?backend=cpu&t=10')).toBe('cpu');
    expect(backendOverrideFromSearch('?t=10')).toBeNull();
  });
});

describe('choosing a backend', () => {
  const probeWith = (reasons: Partial<Record<BackendName, string | Error>>) => async (b: BackendName) => {
    const r = reasons[b];
    if (r instanceof Error) throw r;
    return r ?? null;
  };

  it('stops at the first backend that starts', async () => {
    const calls: BackendName[] = [];
    const res = await chooseBackend(planBackends(null), async (b) => {
      calls.push(b);
      return null;
    });
    expect(res.active).toBe('webgpu');
    expect(calls).toEqual(['webgpu']);
  });

  it('keeps the reason for every fallback, in the badge’s words', async () => {
    const res = await chooseBackend(planBackends(null), probeWith({ webgpu: 'no adapter', webgl: new Error('context lost') }));
    expect(res.active).toBe('cpu');
    expect(describeAttempts(res.attempts)).toEqual(['WebGPU: no adapter', 'WebGL: context lost']);
  });

  it('reports no backend when all fail', async () => {
    const res = await chooseBackend(planBackends(null), probeWith({ webgpu: 'a', webgl: 'b', cpu: 'c' }));
    expect(res.active).toBeNull();
    expect(res.attempts).toHaveLength(3);
  });
});
