/**
 * Per-image loss weights for a batch of timesteps: min-SNR-γ (Hang et al.
 * 2023) from the maths core, or 1 everywhere when γ is null/0 (plain DDPM MSE).
 */
import type { Schedule } from '../diffusion/schedule';
import { minSnrWeight } from '../diffusion/weighting';

export function minSnrWeights(schedule: Schedule, t: ArrayLike<number>, gamma: number | null): Float32Array {
  const out = new Float32Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = gamma ? minSnrWeight(schedule, t[i], gamma) : 1;
  return out;
}
