/**
 * Batch generation for a text model: a maths-core sampler driven by
 * predictTextEps, with prompts as token ids. Optionally averages, over the
 * cross-attention blocks and the sampler's steps, where each token's
 * attention falls (the model card's attention localisation).
 */
import { runSampler } from '../diffusion/sampler';
import { predictTextEps, textMaxTokens } from '../model/text-eps';
import { makeSampler, type BatchSamplingOptions } from './generate';
import { cellMassShares } from './scene-quality';

export interface TextGenerateOptions extends BatchSamplingOptions {
  /** count × maxTokens ids (all [PAD] = unconditional). */
  tokens: Int32Array;
  /** Also return each token's attention share per cell (count × L × 4), averaged over blocks and steps. */
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
  const shares = o.cellShares ? new Float64Array(count * L * 4) : undefined;
  let sharesAdded = 0;
  let blocks = 0;
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
        blocks = r.cross?.length ?? 0;
        for (const map of r.cross ?? []) {
          const part = cellMassShares(map.maps, m, map.size, L);
          for (let i = 0; i < part.length; i++) shares[s * L * 4 + i] += part[i];
        }
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
  if (shares) {
    // Each step added every block's shares: the mean is over steps × blocks.
    const terms = sharesAdded * blocks;
    for (let i = 0; i < shares.length; i++) shares[i] = terms > 0 ? shares[i] / terms : 0.25;
  }
  return { x0, cellShares: shares };
}
