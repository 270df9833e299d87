/**
 * Which n of the T timesteps a sampler visits (diffusers' `set_timesteps`).
 * The result is descending: the order the sampler walks.
 *
 * - 'linspace': round(linspace(0, T−1, n)), so both ends are visited
 *   (diffusers' 'linspace', improved-diffusion's respacing of one section).
 *   With n = 1 we take [T−1] (numpy would give [0]; a one-step sampler must
 *   start from noise).
 * - 'leading': 0, k, 2k, … with k = floor(T/n) (diffusers' 'leading', the DDIM
 *   paper's choice). Never visits T−1, so the first step starts from a
 *   slightly less noisy t than the noise it is given.
 * - 'trailing': round(T·j/n) − 1 for j = n…1, so it always starts at T−1
 *   (Lin et al. 2024 recommend it, and it pairs with zeroTerminalSnr).
 *
 * Rounding is half-to-even (numpy's), done on exact integers so that no
 * floating error can make two steps collide. For every n in [1, T] the steps
 * are distinct, strictly descending and inside [0, T−1].
 */

export type TimestepSpacing = 'linspace' | 'leading' | 'trailing';

export const TIMESTEP_SPACINGS: readonly TimestepSpacing[] = ['linspace', 'leading', 'trailing'];

/** round(p/q) half-to-even, for integers p ≥ 0, q > 0. */
function roundDiv(p: number, q: number): number {
  const f = Math.floor(p / q);
  const r = p - f * q;
  if (2 * r > q) return f + 1;
  if (2 * r < q) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function selectTimesteps(T: number, n: number, spacing: TimestepSpacing = 'linspace'): Int32Array {
  if (!Number.isInteger(T) || T < 1) throw new RangeError(`T must be a positive integer, got ${String(T)}`);
  if (!Number.isInteger(n) || n < 1 || n > T) {
    throw new RangeError(`steps must be an integer in [1, ${T}], got ${String(n)}`);
  }
  const out = new Int32Array(n);
  switch (spacing) {
    case 'linspace':
      if (n === 1) out[0] = T - 1;
      else for (let i = 0; i < n; i++) out[i] = roundDiv((T - 1) * (n - 1 - i), n - 1);
      break;
    case 'leading': {
      const k = Math.floor(T / n);
      for (let i = 0; i < n; i++) out[i] = (n - 1 - i) * k;
      break;
    }
    case 'trailing':
      for (let i = 0; i < n; i++) out[i] = roundDiv(T * (n - i), n) - 1;
      break;
    default:
      throw new RangeError(`spacing must be one of ${TIMESTEP_SPACINGS.join(', ')}, got ${String(spacing)}`);
  }
  return out;
}
