/**
 * The measurement the backend choice rests on: one forward pass of a U-Net
 * of the figure's shape (random weights: speed does not depend on their
 * values) at the figure's batch, timed after one untimed warm-up pass of the same
 * shape that pays for shader compilation and memory set-up. Kept short: the page
 * waits for it once per browser, since the result is stored.
 */
import { unetConfig } from '../model/config';
import { predictEpsBatch } from '../model/eps-predictor';
import { disposeWeights } from '../model/params';
import { initUNet } from '../model/unet';
import type { Probe } from './start';

/** The batch the probe times: the 16-digit grid of lesson 5, the largest the page model runs. */
export const PROBE_BATCH = 16;

/** One U-Net forward of the shipped digit model's shape at `batch` images. */
export function unetProbe(batch = 16, preset = 'mnist-cond'): Probe {
  return {
    what: `unet:${preset}:b${batch}`,
    async run() {
      const config = unetConfig(preset);
      const weights = initUNet(config, { seed: 1, zeroFinal: false });
      try {
        const pix = config.imageSize * config.imageSize * config.inChannels;
        const input = () => ({ x: new Float32Array(batch * pix).fill(0.1), t: new Int32Array(batch).fill(500), labels: new Int32Array(batch).fill(3), guidance: 1 });
        await predictEpsBatch(weights, config, input());
        const t0 = performance.now();
        await predictEpsBatch(weights, config, input());
        return performance.now() - t0;
      } finally {
        disposeWeights(weights);
      }
    },
  };
}
