/**
 * The "quality against steps" measurements of lesson 5, read from
 * trained-models/mnist-cond/quality-vs-steps.json. That file is a JSON array
 * of the objects `npm run eval -- … --json FILE` writes (one per sampler and
 * step count), or an object { runs: [...] } of the same. Nothing is invented:
 * a missing file, or one without usable runs, gives `null` and the chart says
 * the measurement is pending.
 */
export interface QualityPoint {
  sampler: 'ddpm' | 'ddim';
  steps: number;
  /** FID proxy (lower is better). */
  fid: number;
  /** Classifier accuracy on the samples, 0..1. */
  accuracy: number;
  count?: number;
  guidance?: number;
  seed?: number;
  floor?: number;
}

export const STEP_COUNTS = [10, 20, 50, 100, 1000] as const;
export const GOALS = [
  { steps: 20, factor: 1.5 },
  { steps: 50, factor: 1.2 },
] as const;

export const EVAL_COMMAND = (sampler: string, steps: number | string) =>
  `npm run eval -- --model trained-models/mnist-cond --count 1000 --sampler ${sampler} --steps ${steps} --guidance 2 --seed 1 --json q-${sampler}-${steps}.json`;

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
}

function point(raw: unknown): QualityPoint | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const args = (r.args && typeof r.args === 'object' ? r.args : {}) as Record<string, unknown>;
  const sampler = String(r.sampler ?? args.sampler ?? '');
  if (sampler !== 'ddpm' && sampler !== 'ddim') return null;
  const steps = num(r.steps ?? args.steps);
  const fid = num(r.fid);
  const accRaw = r.accuracy;
  const accuracy = num(accRaw && typeof accRaw === 'object' ? (accRaw as Record<string, unknown>).overall : accRaw);
  if (steps === undefined || fid === undefined || accuracy === undefined) return null;
  return {
    sampler,
    steps,
    fid,
    accuracy,
    count: num(r.count),
    guidance: num(r.guidance ?? args.guidance),
    seed: num(r.seed ?? args.seed),
    floor: num(r.floor),
  };
}

/** Usable points, sorted by sampler then steps; null when there are none. */
export function parseQuality(json: unknown): QualityPoint[] | null {
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { runs?: unknown }).runs) ? (json as { runs: unknown[] }).runs : [];
  const pts = list.map(point).filter((p): p is QualityPoint => p !== null);
  pts.sort((a, b) => (a.sampler === b.sampler ? a.steps - b.steps : a.sampler < b.sampler ? -1 : 1));
  return pts.length ? pts : null;
}

export interface GoalCheck {
  steps: number;
  factor: number;
  /** DDIM-steps FID proxy / DDPM-1000's, or null if either is missing. */
  ratio: number | null;
  met: boolean | null;
}

export function checkGoals(points: QualityPoint[]): GoalCheck[] {
  const ref = points.find((p) => p.sampler === 'ddpm' && p.steps === 1000);
  return GOALS.map(({ steps, factor }) => {
    const p = points.find((q) => q.sampler === 'ddim' && q.steps === steps);
    const ratio = p && ref && ref.fid > 0 ? p.fid / ref.fid : null;
    return { steps, factor, ratio, met: ratio === null ? null : ratio <= factor };
  });
}
