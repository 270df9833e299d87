// Runs inside headless Chromium (vitest browser mode) with --enable-unsafe-webgpu,
// where WebGPU and WebGL are SwiftShader (software): proves the page then
// chooses wasm and says why, that WebGPU, forced, really computes right
// answers, that every backend can be forced, and that a missing WebGPU is
// reported with its reason.
import { afterEach, describe, expect, it } from 'vitest';
import type { Rank } from '@tensorflow/tfjs';
import { startTf } from '../../src/backends/page';
import { runSmokeTest, SMOKE_EXPECTED } from '../../src/backends/smoke-test';

const realGpu = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(navigator), 'gpu');

afterEach(() => {
  // Undo any per-test change to navigator.gpu.
  delete (navigator as unknown as Record<string, unknown>).gpu;
  if (realGpu) Object.defineProperty(Object.getPrototypeOf(navigator), 'gpu', realGpu);
});

describe('TF.js runtime in Chromium', () => {
  it('on a software GPU (SwiftShader) it chooses wasm by itself, and says why', async () => {
    const report = await startTf();
    expect(report.facts.webgpu).toBe('software');
    expect(report.backend).toBe('wasm');
    expect(report.why).toMatch(/no hardware GPU/);
    expect(report.fallbackReasons.some((r) => /^WebGPU: software adapter/.test(r))).toBe(true);
    expect(report.threads).toBeGreaterThanOrEqual(1);
    expect((await runSmokeTest(report.tf)).values).toEqual(SMOKE_EXPECTED);
  });

  it('?backend=webgpu runs on WebGPU and computes a known matrix product there', async () => {
    const report = await startTf('webgpu');
    expect(report.backend).toBe('webgpu');
    expect(report.tf.getBackend()).toBe('webgpu');
    expect(report.forced).toBe('webgpu');
    expect(report.fallbackReasons).toEqual([]);
    const smoke = await runSmokeTest(report.tf);
    expect(smoke.values).toEqual(SMOKE_EXPECTED);
  });

  it.each(['webgpu', 'wasm'] as const)('runs a conv on %s with the same answer as the cpu backend', async (name) => {
    const { tf } = await startTf(name);
    const x = tf.randomNormal<Rank.R4>([1, 8, 8, 3], 0, 1, 'float32', 7);
    const w = tf.randomNormal<Rank.R4>([3, 3, 3, 4], 0, 1, 'float32', 8);
    const onGpu = await tf.conv2d(x, w, 1, 'same').data();
    const xs = await x.data();
    const ws = await w.data();
    await tf.setBackend('cpu');
    const onCpu = await tf.conv2d(tf.tensor4d(xs, [1, 8, 8, 3]), tf.tensor4d(ws, [3, 3, 3, 4]), 1, 'same').data();
    tf.disposeVariables();
    let maxDiff = 0;
    for (let i = 0; i < onCpu.length; i++) maxDiff = Math.max(maxDiff, Math.abs(onCpu[i] - onGpu[i]));
    expect(onGpu.length).toBe(8 * 8 * 4);
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it.each(['webgl', 'wasm', 'cpu'] as const)('?backend=%s forces that backend', async (name) => {
    const report = await startTf(name);
    expect(report.backend).toBe(name);
    expect(report.forced).toBe(name);
    expect((await runSmokeTest(report.tf)).ok).toBe(true);
  });

  it('says why when WebGPU has no adapter (and WebGL is software): wasm', async () => {
    Object.defineProperty(navigator, 'gpu', {
      configurable: true,
      value: { requestAdapter: async () => null },
    });
    const report = await startTf();
    expect(report.backend).toBe('wasm');
    expect(report.fallbackReasons[0]).toBe('WebGPU: no adapter');
    expect(report.fallbackReasons[1]).toMatch(/^WebGL: software renderer \(.*SwiftShader/);
  });

  it('says why when the browser has no WebGPU at all', async () => {
    Object.defineProperty(navigator, 'gpu', { configurable: true, value: undefined });
    const report = await startTf();
    expect(report.backend).toBe('wasm');
    expect(report.fallbackReasons[0]).toMatch(/^WebGPU: not supported/);
  });

  it('a forced backend that cannot start falls back in order, with its reason', async () => {
    Object.defineProperty(navigator, 'gpu', { configurable: true, value: undefined });
    const report = await startTf('webgpu');
    expect(report.backend).not.toBe('webgpu');
    expect(report.attempts[0]).toMatchObject({ backend: 'webgpu', ok: false });
  });
});
