// The model worker (src/model/browser-worker.ts, via src/workers/rpc.ts) gives the same ε̂ as the
// main-thread path for the shipped model, on the same backend.
import { describe, expect, it } from 'vitest';
import { startTf } from '../../src/runtime/tf-runtime';
import { fetchModel, disposeModel } from '../../src/model/browser-model';
import { predictEpsBatch } from '../../src/model/browser-eps';
import { loadPageModel } from '../../src/model/browser-sampler-client';

describe('model worker', () => {
  // wasm: what the page itself chooses here (no hardware GPU); one backend per file, since the page's model worker is shared.
  it.each(['wasm'] as const)('matches the main thread on %s (shipped model, guided batch of 2)', async (backend) => {
    await startTf(backend);
    const m = await fetchModel();
    const x = Float32Array.from({ length: 2 * 784 }, (_, i) => Math.sin(i * 0.37));
    const input = { x, t: [700, 120], labels: [3, 10], guidance: 2 };
    const main = await predictEpsBatch(m.weights, m.config, input);
    const pm = await loadPageModel(backend, '');
    expect(pm.where).toBe(`worker (${backend})`);
    const inWorker = await pm.predict(input);
    let maxDiff = 0;
    let maxAbs = 0;
    for (let i = 0; i < main.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(main[i] - inWorker[i]));
      maxAbs = Math.max(maxAbs, Math.abs(main[i]));
    }
    console.log(backend, 'max |eps|', maxAbs, 'max diff worker vs main', maxDiff);
    expect(maxDiff).toBeLessThan(1e-3);
    disposeModel(m);
  });
});
