/**
 * The backend choice as pure logic: a software or missing GPU means wasm, a
 * real GPU means a measurement (fastest wins, kept per browser and keyed to
 * the GPUs), and ?backend= forces one.
 */
import { describe, expect, it } from 'vitest';
import {
  BACKEND_ORDER,
  backendOverrideFromSearch,
  decideBackend,
  describeAttempts,
  describeLosers,
  fallbackOrder,
  isSoftwareRenderer,
  orderFromTimings,
  parseProbeRecord,
  probeKey,
  walkOrder,
  webglKind,
  webgpuKind,
  type BackendName,
  type GpuFacts,
} from '../../../src/backends/choice';

const NO_GPU: GpuFacts = { webgpu: 'none', webgpuName: 'no adapter', webgl: 'software', webglName: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)' };
const SWIFTSHADER: GpuFacts = { webgpu: 'software', webgpuName: 'google · swiftshader', webgl: 'software', webglName: 'SwiftShader' };
const REAL: GpuFacts = { webgpu: 'hardware', webgpuName: 'nvidia · ampere', webgl: 'hardware', webglName: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)' };
const PROBE = 'unet:b16';

describe('what the GPU is', () => {
  it('names the CPU emulations as software', () => {
    for (const r of ['Google SwiftShader', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'Microsoft Basic Render Driver']) {
      expect(isSoftwareRenderer(r), r).toBe(true);
    }
    for (const r of ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)', 'Apple M2', 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)', '', null]) {
      expect(isSoftwareRenderer(r), String(r)).toBe(false);
    }
  });

  it('a WebGPU fallback adapter is software, even when its name says nothing', () => {
    expect(webgpuKind(null)).toBe('none');
    expect(webgpuKind({ isFallbackAdapter: true, name: 'some vendor' })).toBe('software');
    expect(webgpuKind({ isFallbackAdapter: false, name: 'google · swiftshader' })).toBe('software');
    expect(webgpuKind({ name: 'nvidia · ampere' })).toBe('hardware');
    expect(webglKind('llvmpipe', true)).toBe('software');
    expect(webglKind('Apple M2', true)).toBe('hardware');
    expect(webglKind(null, false)).toBe('none');
  });
});

describe('deciding', () => {
  it('no GPU or a software GPU: wasm, then cpu, nothing measured, and the reasons say why', () => {
    for (const facts of [NO_GPU, SWIFTSHADER]) {
      const d = decideBackend({ facts, probe: PROBE });
      expect(d.order).toEqual(['wasm', 'cpu']);
      expect(d.measure).toEqual([]);
      expect(d.why).toMatch(/no hardware GPU/);
    }
    const sw = decideBackend({ facts: SWIFTSHADER, probe: PROBE });
    expect(sw.skipped).toEqual(['WebGPU: software adapter (google · swiftshader)', 'WebGL: software renderer (SwiftShader)']);
    expect(decideBackend({ facts: NO_GPU, probe: PROBE }).skipped[0]).toBe('WebGPU: no adapter');
  });

  it('a real GPU: measure each real GPU API and wasm', () => {
    const d = decideBackend({ facts: REAL, probe: PROBE });
    expect(d.measure).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(d.order.at(-1)).toBe('cpu');
    const onlyGl = decideBackend({ facts: { ...REAL, webgpu: 'software' }, probe: PROBE });
    expect(onlyGl.measure).toEqual(['webgl', 'wasm']);
  });

  it('a stored measurement for the same GPUs and probe is used; another GPU or probe measures again', () => {
    const cached = { key: probeKey(REAL, PROBE), timings: [{ backend: 'webgpu' as const, ms: 30 }, { backend: 'webgl' as const, ms: 12 }, { backend: 'wasm' as const, ms: 90 }], at: 1 };
    const d = decideBackend({ facts: REAL, probe: PROBE, cached });
    expect(d.measure).toEqual([]);
    expect(d.order).toEqual(['webgl', 'webgpu', 'wasm', 'cpu']);
    expect(d.cached).toEqual(cached.timings);
    expect(d.skipped).toContain('WebGPU: slower here (30 ms vs 12 ms)');
    expect(decideBackend({ facts: { ...REAL, webglName: 'another GPU' }, probe: PROBE, cached }).measure.length).toBeGreaterThan(0);
    expect(decideBackend({ facts: REAL, probe: 'unet:b4', cached }).measure.length).toBeGreaterThan(0);
  });

  it('one measurement serves both editions: why a GPU API is missing, in the page language, is not part of its key', () => {
    const noWebgpu = (why: string): GpuFacts => ({ ...REAL, webgpu: 'none', webgpuName: why });
    expect(probeKey(noWebgpu('no adapter'), PROBE)).toBe(probeKey(noWebgpu('pas d’adaptateur'), PROBE));
    // A present GPU's name still is: another GPU measures again.
    expect(probeKey(REAL, PROBE)).not.toBe(probeKey({ ...REAL, webglName: 'another GPU' }, PROBE));
  });

  it('?backend= forces, on any machine; an unknown value warns and decides as usual', () => {
    for (const b of BACKEND_ORDER) {
      const d = decideBackend({ override: b, facts: SWIFTSHADER, probe: PROBE });
      expect(d.order[0]).toBe(b);
      expect(d.forced).toBe(b);
      expect(d.measure).toEqual([]);
      expect(new Set(d.order).size).toBe(4);
    }
    expect(decideBackend({ override: ' WebGPU ', facts: NO_GPU, probe: PROBE }).forced).toBe('webgpu');
    const bad = decideBackend({ override: 'cuda', facts: NO_GPU, probe: PROBE });
    expect(bad.warning).toMatch(/Unknown backend "cuda"/);
    expect(bad.order).toEqual(['wasm', 'cpu']);
    expect(backendOverrideFromSearch('?backend=wasm&t=10')).toBe('wasm');
    expect(backendOverrideFromSearch('?t=10')).toBeNull();
  });

  it('without a measurement, real GPUs come before wasm and emulated ones after it', () => {
    expect(fallbackOrder(SWIFTSHADER)).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(fallbackOrder(REAL)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });
});

describe('timings', () => {
  it('fastest first, failed probes dropped, wasm and cpu always kept as fallbacks', () => {
    expect(orderFromTimings([{ backend: 'webgpu', ms: 40 }, { backend: 'wasm', ms: 25 }, { backend: 'webgl', ms: Infinity }])).toEqual(['wasm', 'webgpu', 'cpu']);
    expect(orderFromTimings([{ backend: 'webgl', ms: 5 }])).toEqual(['webgl', 'wasm', 'cpu']);
    // A tie keeps the usual order.
    expect(orderFromTimings([{ backend: 'wasm', ms: 10 }, { backend: 'webgpu', ms: 10 }])[0]).toBe('webgpu');
    expect(describeLosers([{ backend: 'webgl', ms: 41.2 }, { backend: 'webgpu', ms: 12.4 }, { backend: 'wasm', ms: NaN }])).toEqual([
      'WebGL: slower here (41 ms vs 12 ms)',
      'wasm: the measurement failed',
    ]);
  });

  it('a stored record is read back, and anything malformed is ignored', () => {
    const rec = { key: 'k', timings: [{ backend: 'wasm', ms: 3 }, { backend: 'metal', ms: 1 }], at: 5 };
    expect(parseProbeRecord(JSON.stringify(rec))).toEqual({ key: 'k', timings: [{ backend: 'wasm', ms: 3 }], at: 5 });
    expect(parseProbeRecord('{')).toBeNull();
    expect(parseProbeRecord(null)).toBeNull();
    expect(parseProbeRecord('{"key":1}')).toBeNull();
  });
});

describe('starting in order', () => {
  const startWith = (reasons: Partial<Record<BackendName, string | Error>>) => async (b: BackendName) => {
    const r = reasons[b];
    if (r instanceof Error) throw r;
    return r ?? null;
  };

  it('keeps the first that starts, with a reason for each one before it', async () => {
    const res = await walkOrder(['webgpu', 'wasm', 'cpu'], startWith({ webgpu: 'no adapter', wasm: new Error('no WebAssembly') }));
    expect(res.active).toBe('cpu');
    expect(describeAttempts(res.attempts)).toEqual(['WebGPU: no adapter', 'wasm: no WebAssembly']);
  });

  it('reports null when nothing starts', async () => {
    const res = await walkOrder(['wasm', 'cpu'], startWith({ wasm: 'x', cpu: 'y' }));
    expect(res.active).toBeNull();
    expect(res.attempts).toHaveLength(2);
  });
});
