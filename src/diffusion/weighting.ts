/**
 * Min-SNR-γ loss weighting (Hang et al. 2023) for an ε-prediction loss:
 * w_t = min(SNR_t, γ) / SNR_t. Low-noise steps (SNR > γ) are easy and otherwise
 * dominate training; their weight drops to γ/SNR. Noisy steps keep weight 1.
 */
import { checkTimestep } from './checks';
import type { Schedule } from './schedule';

/** γ defaults to 5, the paper's choice. At SNR = 0 the weight is its limit, 1. */
export function minSnrWeight(schedule: Schedule, t: number, gamma = 5): number {
  checkTimestep(schedule, t);
  if (!(gamma > 0) || !Number.isFinite(gamma)) throw new RangeError(`gamma must be a positive number, got ${String(gamma)}`);
  const snr = schedule.snr[t];
  if (snr === 0) return 1; // min(s, γ)/s = 1 for every s < γ, so 1 is the limit
  return Math.min(snr, gamma) / snr;
}
