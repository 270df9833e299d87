/**
 * Batch generation for a text model: a maths-core sampler driven by
 * predictTextEps, with prompts as token ids. Optionally averages, per
 * cross-attention block over the sampler's steps, where each token's
 * attention falls (the model card's attention localisation is its mean over
 * blocks).
 */
import { runSampler } from '../diffusion/sampler';
import { predictTextEps, textMaxTokens } from '../model/text-eps';
import { crossBlockNames } from '../model/unet';
import { makeSampler, type BatchSamplingOptions } from './generate';
import { cellMassShares } from '../eval/scene-meter';

export interface TextGenerateOptions extends BatchSamplingOptions {
  /** count × maxTokens ids (all [PAD] = unconditional). */
  tokens: Int32Array;
  /** Also return each token's attention share per cell, per block (count × blocks × L × 4, crossBlockNames order), averaged over steps. */
  cellShares?: boolean;
}

export async function generateTextSamples(o: TextGenerateOptions): Promise<{ x0: Float64Array; cellShares?: Float64Array }> {
  const L = textMaxTokens(o.config);
  const pix = o.config.imageSize * o.config.imageSize * o.config.inChannels;
  const count = o.tokens.length / L;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`${o.tokens.length} token ids are not whole prompts of ${L}`);
  const chunk = o.chunk ?? 64;
  const sampler = makeSampler(o.sampler, o.schedule, o.steps, o.eta, o.clipX0 ?? true);
  const xT = o.rng.fork(0).fillNormal(new Float32Array(count * pix));
  const blocks = crossBlockNames(o.config).length;
  const shares = o.cellShares ? new Float64Array(count * blocks * L * 4) : undefined;
  let sharesAdded = 0;
  const predictEps = async (xt: Float32Array, t: number) => {
    const out = new Float32Array(xt.length);
    for (let s = 0; s < count; s += chunk) {
      const m = Math.min(chunk, count - s);
      const r = await predictTextEps(o.weights, o.config, {
        x: xt.subarray(s * pix, (s + m) * pix), t: new Int32Array(m).fill(t), tokens: o.tokens.subarray(s * L, (s + m) * L),
        guidance: o.guidance, attention: !!shares,
      });
      out.set(r.eps, s * pix);
      if (shares) {
        if (r.cross?.length !== blocks) throw new Error(`expected ${blocks} cross-attention blocks, got ${r.cross?.length ?? 0}`);
        r.cross.forEach((map, j) => {
          const part = cellMassShares(map.maps, m, map.size, L);
          for (let i = 0; i < m; i++) {
            const to = ((s + i) * blocks + j) * L * 4;
            for (let k = 0; k < L * 4; k++) shares[to + k] += part[i * L * 4 + k];
          }
        });
      }
    }
    if (shares) sharesAdded++;
    return out;
  };
  const it = runSampler(sampler, { xT, predictEps, rng: o.rng.fork(1) });
  const n = sampler.timesteps.length;
  let x0: Float64Array;
  for (let i = 0; ; i++) {
    const r = await it.next();
    if (r.done) {
      x0 = r.value;
      break;
    }
    o.onStep?.(i, n);
  }
  if (shares) for (let i = 0; i < shares.length; i++) shares[i] = sharesAdded > 0 ? shares[i] / sharesAdded : 0.25;
  return { x0, cellShares: shares };
}
