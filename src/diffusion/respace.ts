/**
 * Respacing (improved-diffusion's respace.py): a chain that visits only some
 * timesteps k_0 < k_1 < … is itself a diffusion with ᾱ'_j = ᾱ_{k_j} and
 * β'_j = 1 − ᾱ'_j / ᾱ'_{j−1}. DDPM can then sample in fewer steps with the same
 * formulas; the network is still called with the original timestep k_j, which
 * the respaced schedule keeps in `timestepMap`.
 */
import { buildSchedule, betasFromAlphaBar, type Schedule } from './schedule';

/** The schedule restricted to `keep` (distinct timesteps, any order). */
export function respaceSchedule(schedule: Schedule, keep: ArrayLike<number>): Schedule {
  if (keep.length === 0) throw new RangeError('keep must hold at least one timestep');
  for (let j = 0; j < keep.length; j++) {
    if (!Number.isInteger(keep[j])) throw new RangeError(`keep[${j}] must be an integer, got ${String(keep[j])}`);
  }
  const ks = Int32Array.from(keep).sort();
  for (let j = 0; j < ks.length; j++) {
    if (ks[j] < 0 || ks[j] >= schedule.T) throw new RangeError(`keep holds ${ks[j]}, outside [0, ${schedule.T - 1}]`);
    if (j > 0 && ks[j] === ks[j - 1]) throw new RangeError(`keep holds ${ks[j]} twice`);
  }
  // Every step kept: the schedule itself, bit for bit.
  if (ks.length === schedule.T && schedule.timestepMap === null) return schedule;

  const alphaBar = new Float64Array(ks.length);
  for (let j = 0; j < ks.length; j++) alphaBar[j] = schedule.alphaBar[ks[j]];
  const map = schedule.timestepMap === null ? ks : ks.map((k) => schedule.timestepMap![k]);
  return buildSchedule(betasFromAlphaBar(alphaBar), alphaBar, {
    options: schedule.options,
    label: `${schedule.label}, respaced to ${ks.length} steps`,
    clippedBetas: 0,
    timestepMap: map,
  });
}
