/**
 * The "quality against steps" measurements of lesson 5, read from
 * trained-models/mnist-cond/quality-vs-steps.json:
 *
 *   { "command": "<the shell loop that produced it>", "count": 100, "guidance": 2, "clipX0": true,
 *     "floorSameCount": <number>, "floor": <number>, "runs": [ <what `npm run eval -- --json FILE` writes>, ... ] }
 *
 * Runs may carry the kernel distance (`kid`, and `kidFloorSameCount`:
 * { mean, sd } of real training digits at the same count), which eval
 * prints since it is unbiased at small counts (src/eval/kid.ts).
 *
 * (a bare array of runs is read too). Nothing is invented: a missing file, or
 * one without usable runs, gives `null` and the chart says the measurement is
 * pending; a missing setting is listed as missing, and a goal that cannot be
 * checked says so rather than passing or failing.
 */
import { formatFixed, formatNumber } from '../../i18n/format';
import { m } from '../../i18n/messages';
import type { SamplerName } from '../../diffusion/sampler-choice';
import { QUALITY_SAMPLERS, QUALITY_STEP_COUNTS } from '../../eval/digit-report';


export interface QualityPoint {
  sampler: SamplerName;
  steps: number;
  /** FID proxy (lower is better). */
  fid: number;
  /** Classifier accuracy on the samples, 0..1. */
  accuracy: number;
  count?: number;
  guidance?: number;
  seed?: number;
  floor?: number;
  genSeconds?: number;
  /** Kernel distance (KID) against the test set, when the run measured it. */
  kid?: number;
}

/** KID of real training digits at the runs' sample count: what a perfect sampler scores, and its spread. */
export interface KidFloor {
  mean: number;
  sd: number;
}

export interface QualityData {
  /** The command that produced the file, shown on the page; '' if the file does not say. */
  command: string;
  count?: number;
  guidance?: number;
  /** Whether the samplers clipped x̂₀ to [−1, 1] at each step (undefined: not recorded). */
  clipX0?: boolean;
  /** FID proxy of `count` real training digits against the test set: what a perfect sampler would score at this sample count. */
  floorSameCount?: number;
  /** The same with 10,000 real digits: the meter's floor with many samples. */
  floor?: number;
  /** KID's same-count floor, from the first run that recorded one. */
  kidFloor?: KidFloor;
  /** Usable runs, sorted by sampler then steps (one per setting; a repeat replaces the earlier). */
  points: QualityPoint[];
  /** The settings of the plan that have no run, e.g. ['DDIM-1000']. */
  missing: string[];
}

export const SAMPLERS: readonly SamplerName[] = QUALITY_SAMPLERS;
export const STEP_COUNTS = QUALITY_STEP_COUNTS;
export const GOALS = [
  { steps: 20, factor: 1.5 },
  { steps: 50, factor: 1.2 },
] as const;

/** The measurement as planned (scripts/quality-vs-steps.ts), shown while the file does not exist yet. */
export const EVAL_STEPS_COMMAND = 'npm run eval:steps';

export const settingName = (sampler: SamplerName, steps: number) => `${sampler.toUpperCase()}-${steps}`;

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function point(raw: unknown): QualityPoint | null {
  const r = obj(raw);
  const args = obj(r.args);
  const sampler = String(r.sampler ?? args.sampler ?? '');
  if (sampler !== 'ddpm' && sampler !== 'ddim') return null;
  const steps = num(r.steps ?? args.steps);
  const fid = num(r.fid);
  const accuracy = num(r.accuracy && typeof r.accuracy === 'object' ? obj(r.accuracy).overall : r.accuracy);
  if (steps === undefined || !Number.isInteger(steps) || steps < 1 || fid === undefined || accuracy === undefined) return null;
  return {
    sampler,
    steps,
    fid,
    accuracy,
    count: num(r.count ?? args.count),
    guidance: num(r.guidance ?? args.guidance),
    seed: num(r.seed ?? args.seed),
    floor: num(r.floor),
    genSeconds: num(r.genSeconds),
    kid: num(r.kid),
  };
}

function kidFloorOf(raw: unknown): KidFloor | undefined {
  const f = obj(obj(raw).kidFloorSameCount);
  const mean = num(f.mean);
  const sd = num(f.sd);
  return mean !== undefined && sd !== undefined && sd >= 0 ? { mean, sd } : undefined;
}

/** The file's content as data for the chart; null when there is nothing measured to show. */
export function parseQuality(json: unknown): QualityData | null {
  const top = obj(json);
  const list: unknown[] = Array.isArray(json) ? json : Array.isArray(top.runs) ? top.runs : [];
  const bySetting = new Map<string, QualityPoint>();
  for (const p of list.map(point)) if (p) bySetting.set(settingName(p.sampler, p.steps), p);
  const points = [...bySetting.values()].sort((a, b) => (a.sampler === b.sampler ? a.steps - b.steps : a.sampler < b.sampler ? -1 : 1));
  if (!points.length) return null;
  const missing = SAMPLERS.flatMap((s) => STEP_COUNTS.map((n) => settingName(s, n))).filter((name) => !bySetting.has(name));
  return {
    command: typeof top.command === 'string' ? top.command : '',
    count: num(top.count) ?? points[0].count,
    guidance: num(top.guidance) ?? points[0].guidance,
    clipX0: typeof top.clipX0 === 'boolean' ? top.clipX0 : undefined,
    floorSameCount: num(top.floorSameCount),
    floor: num(top.floor) ?? points.find((p) => p.floor !== undefined)?.floor,
    kidFloor: kidFloorOf(top) ?? list.map(kidFloorOf).find((f) => f !== undefined),
    points,
    missing,
  };
}

export interface QualityRow {
  sampler: SamplerName;
  /** 'DDPM' or 'DDIM', the legend's name. */
  name: string;
  steps: number;
  fid: number;
  /** Accuracy in percent. */
  acc: number;
}

/** The points as rows for the charts: one series per sampler, in step order. */
export function qualitySeries(points: readonly QualityPoint[]): QualityRow[] {
  return points.map((p) => ({ sampler: p.sampler, name: p.sampler.toUpperCase(), steps: p.steps, fid: p.fid, acc: p.accuracy * 100 }));
}

export interface GoalCheck {
  steps: number;
  factor: number;
  /** DDIM-steps' FID proxy, and DDPM-1000's, when measured. */
  fid: number | null;
  reference: number | null;
  /** fid / reference, or null if either is missing. */
  ratio: number | null;
  met: boolean | null;
  /** The settings the check lacks. */
  missing: string[];
}

export function checkGoals(points: readonly QualityPoint[]): GoalCheck[] {
  const ref = points.find((p) => p.sampler === 'ddpm' && p.steps === 1000);
  return GOALS.map(({ steps, factor }) => {
    const p = points.find((q) => q.sampler === 'ddim' && q.steps === steps);
    const ratio = p && ref && ref.fid > 0 ? p.fid / ref.fid : null;
    const missing = [...(p ? [] : [settingName('ddim', steps)]), ...(ref ? [] : [settingName('ddpm', 1000)])];
    return { steps, factor, fid: p?.fid ?? null, reference: ref?.fid ?? null, ratio, met: ratio === null ? null : ratio <= factor, missing };
  });
}

/** A goal in words, for the page: what was asked, what was measured, and "met" or "missed". */
export function goalSentence(g: GoalCheck): string {
  const goal = m.q_goal({ steps: g.steps, factor: formatNumber(g.factor) });
  if (g.ratio === null || g.fid === null || g.reference === null) {
    return m.q_goal_unchecked({ goal, why: g.missing.length ? m.q_not_measured({ what: g.missing.join(m.q_and()) }) : m.q_reference_not_positive() });
  }
  return m.q_goal_checked({ goal, fid: formatFixed(g.fid, 1), reference: formatFixed(g.reference, 1), ratio: formatFixed(g.ratio, 2), verdict: g.met ? m.q_met() : m.q_missed() });
}

export interface KidRow {
  name: string;
  steps: number;
  kid: number;
}

/** The runs that measured KID, as chart rows. */
export function kidSeries(points: readonly QualityPoint[]): KidRow[] {
  return points.filter((p) => p.kid !== undefined).map((p) => ({ name: p.sampler.toUpperCase(), steps: p.steps, kid: p.kid! }));
}

/**
 * Whether a KID lies inside the band real digits reach at the same count
 * (mean ± 2 sd of the floor draws): there, the sample set cannot be told from
 * real digits at this count.
 */
export function withinRealNoise(kid: number, floor: KidFloor): boolean {
  return Math.abs(kid - floor.mean) <= 2 * floor.sd;
}
