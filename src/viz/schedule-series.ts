/**
 * A schedule's arrays as rows for Observable Plot, thinned to at most
 * `maxPoints` per curve so that redrawing four charts stays cheap at T = 4000.
 * x is the paper's t (1..T): index i holds the state after step i + 1.
 */
import type { Schedule } from '../diffusion';

export interface ScheduleRow {
  schedule: string;
  t: number;
  alphaBar: number;
  sqrtAlphaBar: number;
  sqrtOneMinusAlphaBar: number;
  /** null where SNR = 0 (log SNR = −∞): Plot leaves a gap instead of a bogus line. */
  logSnr: number | null;
  beta: number;
}

export function thinnedIndices(T: number, maxPoints: number): number[] {
  if (T <= maxPoints) return Array.from({ length: T }, (_, i) => i);
  const out: number[] = [];
  const step = (T - 1) / (maxPoints - 1);
  for (let k = 0; k < maxPoints; k++) out.push(Math.round(k * step));
  return out;
}

export function scheduleRows(schedule: Schedule, name: string, maxPoints = 300): ScheduleRow[] {
  return thinnedIndices(schedule.T, maxPoints).map((i) => ({
    schedule: name,
    t: i + 1,
    alphaBar: schedule.alphaBar[i],
    sqrtAlphaBar: schedule.sqrtAlphaBar[i],
    sqrtOneMinusAlphaBar: schedule.sqrtOneMinusAlphaBar[i],
    logSnr: Number.isFinite(schedule.logSnr[i]) ? schedule.logSnr[i] : null,
    beta: schedule.betas[i],
  }));
}

/** The first paper t at which ᾱ falls below `level` (e.g. half the signal power gone), or null. */
export function timeSignalFallsBelow(schedule: Schedule, level: number): number | null {
  for (let i = 0; i < schedule.T; i++) if (schedule.alphaBar[i] < level) return i + 1;
  return null;
}
