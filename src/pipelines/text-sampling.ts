/**
 * Step-by-step text-to-image sampling for lessons 6–8: DDIM (η = 0, so the
 * image depends only on each image's seed, prompt and scale) over
 * predictTextEps, yielding every step's x_t, x̂₀, ε̂ and, on request, the
 * cross-attention maps and the two predictions guidance blends.
 *
 * Each image has its own prompt, guidance scale and seed, so one run can put
 * the same noise under several scales (lesson 7) or a truncated and a
 * condensed prompt side by side (lesson 8). Both halves of guidance come from
 * one network call for the whole batch; the blend is done per image here.
 */
import { createDdimSampler } from '../diffusion/ddim';
import { guideEps } from '../diffusion/guidance';
import { createRng } from '../diffusion/rng';
import { runSampler } from '../diffusion/sampler';
import type { Schedule } from '../diffusion/schedule';
import type { UNetConfig } from '../model/config';
import { modelSchedule } from '../model/model-info';
import type { Weights } from '../model/params';
import { predictTextEps, textMaxTokens, type CrossAttentionMap } from '../model/text-eps';

export interface TextSampleSpec {
  /** n × maxTokens prompt ids (a row of zeros = no prompt). */
  tokens: Int32Array;
  /** One guidance scale per image (w = 1 plain conditional, 0 unconditional). */
  guidance: ArrayLike<number>;
  /** One seed per image: x_T = createRng(seed).fork(0)'s normals. */
  seeds: ArrayLike<number>;
  steps: number;
  /** Return each step's cross-attention maps (conditional pass, mean over heads). */
  attention?: boolean;
  /** Return each step's ε_u and ε_c. */
  parts?: boolean;
}

export interface TextFrame {
  /** Step index (0-based) and the number of steps. */
  index: number;
  steps: number;
  /** Timestep the network saw, and where the step lands (−1 = clean). */
  t: number;
  tPrev: number;
  /** n images each, flat. */
  xt: Float32Array;
  x0: Float32Array;
  eps: Float32Array;
  /** The sample after this step. */
  xPrev: Float32Array;
  epsU?: Float32Array;
  epsC?: Float32Array;
  cross?: CrossAttentionMap[];
}

export function checkTextSpec(config: UNetConfig, spec: TextSampleSpec): number {
  const L = textMaxTokens(config);
  const n = spec.tokens.length / L;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${spec.tokens.length} token ids are not whole prompts of ${L}`);
  if (spec.guidance.length !== n || spec.seeds.length !== n) throw new RangeError(`${n} prompts need ${n} guidance scales and ${n} seeds`);
  if (!Number.isInteger(spec.steps) || spec.steps < 1 || spec.steps > config.timesteps) throw new RangeError(`steps must be 1..${config.timesteps}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(spec.guidance[i])) throw new RangeError('guidance scales must be finite numbers');
  return n;
}

/** Yields one frame per step; returns the final images (n × pixels, in [-1, 1] give or take). */
export async function* sampleText(weights: Weights, config: UNetConfig, schedule: Schedule, spec: TextSampleSpec): AsyncGenerator<TextFrame, Float32Array, void> {
  const n = checkTextSpec(config, spec);
  const pix = config.imageSize * config.imageSize * config.inChannels;
  const xT = new Float32Array(n * pix);
  for (let i = 0; i < n; i++) createRng(spec.seeds[i]).fork(0).fillNormal(xT.subarray(i * pix, (i + 1) * pix));
  const sampler = createDdimSampler({ schedule, steps: spec.steps, eta: 0, clipX0: true });
  const allPlain = Array.from(spec.guidance).every((g) => g === 1);
  let extra: Pick<TextFrame, 'epsU' | 'epsC' | 'cross'> = {};
  const predictEps = async (xt: Float32Array, t: number) => {
    const r = await predictTextEps(weights, config, {
      x: xt, t: new Int32Array(n).fill(t), tokens: spec.tokens, attention: spec.attention, parts: spec.parts || !allPlain,
    });
    extra = { cross: r.cross, ...(spec.parts ? { epsU: r.epsU, epsC: r.epsC } : {}) };
    if (allPlain) return r.eps;
    const eps = new Float32Array(n * pix);
    for (let i = 0; i < n; i++) {
      const sl = (a: Float32Array) => a.subarray(i * pix, (i + 1) * pix);
      eps.set(guideEps(sl(r.epsU!), sl(r.epsC!), spec.guidance[i]), i * pix);
    }
    return eps;
  };
  const it = runSampler(sampler, { xT, predictEps });
  for (;;) {
    const r = await it.next();
    if (r.done) return Float32Array.from(r.value);
    const f = r.value;
    yield {
      index: f.index, steps: sampler.timesteps.length, t: f.t, tPrev: f.tPrev, xt: f.xt, x0: Float32Array.from(f.x0), eps: Float32Array.from(f.eps),
      xPrev: Float32Array.from(f.xPrev), ...extra,
    };
  }
}

/** sampleText on the schedule the model's weight file names (what the text worker and its main-thread twin run). */
export function sampleTextModel(
  model: { weights: Weights; config: UNetConfig; meta: Record<string, unknown> },
  spec: TextSampleSpec,
): AsyncGenerator<TextFrame, Float32Array, void> {
  return sampleText(model.weights, model.config, modelSchedule(model.config, model.meta), spec);
}
