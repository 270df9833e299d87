/**
 * Classifier-free guidance (Ho & Salimans 2022): ε = ε_u + w·(ε_c − ε_u).
 * Convention for the slider: w = 0 is the unconditional model, w = 1 the plain
 * conditional one, w > 1 pushes further along the direction the prompt adds.
 * (Some papers write (1 + w); ours is diffusers' guidance_scale.)
 */
import { checkFinite, checkLength, outArray } from './checks';

export function guideEps(
  epsUncond: ArrayLike<number>,
  epsCond: ArrayLike<number>,
  w: number,
  out?: Float64Array,
): Float64Array {
  checkFinite('w', w);
  checkLength(epsUncond, epsCond, 'epsUncond', 'epsCond');
  const y = outArray(epsUncond.length, out);
  // Written as (1 − w)·ε_u + w·ε_c, the same line, so that w = 0 and w = 1 return
  // ε_u and ε_c bit for bit (ε_u + 1·(ε_c − ε_u) can be off by an ulp).
  const a = 1 - w;
  for (let i = 0; i < y.length; i++) y[i] = a * epsUncond[i] + w * epsCond[i];
  return y;
}
