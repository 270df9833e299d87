/**
 * What the shipped text model measurably does, for the lessons to say next to
 * its demos: trained-models/text-scenes/quality.json is what
 * `npm run eval -- --model trained-models/text-scenes --json FILE` writes
 * (src/node/scene-eval.ts), and train-log.json gives the steps trained.
 * Nothing is invented: anything missing or malformed gives null.
 */
import { formatNumber } from '../../i18n/format';
export interface TextModelQuality {
  /** Scenes sampled. */
  count: number;
  steps: number;
  guidance: number;
  /** Shares, 0..1. */
  digitInCell: number;
  emptyCell: number;
  localisation: number;
  /** The same meter on the real scenes (its ceiling). */
  realDigitInCell?: number;
  /** Training steps of the weights measured, when the train log says. */
  trainSteps?: number;
  /** The step the grounding loss was switched on at, when the train log's recipe has one that the run reached. */
  groundingFrom?: number;
  command: string;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const share = (v: unknown) => {
  const n = num(v);
  return n !== undefined && n >= 0 && n <= 1 ? n : undefined;
};

export function parseTextQuality(evalJson: unknown, trainLog?: unknown): TextModelQuality | null {
  const r = obj(evalJson);
  const args = obj(r.args);
  const digitInCell = share(r.digitInCell);
  const emptyCell = share(r.emptyCell);
  const localisation = share(r.localisation);
  const count = num(r.count ?? args.count);
  if (digitInCell === undefined || emptyCell === undefined || localisation === undefined || count === undefined) return null;
  const steps = num(args.steps) ?? 50;
  const guidance = num(args.guidance) ?? 3;
  const trainSteps = num(obj(trainLog).steps);
  const grounding = obj(obj(obj(trainLog).recipe).grounding);
  const from = num(grounding.fromStep);
  const groundingFrom = from !== undefined && (num(grounding.weight) ?? 0) > 0 && trainSteps !== undefined && trainSteps > from ? from : undefined;
  return {
    count,
    steps,
    guidance,
    digitInCell,
    emptyCell,
    localisation,
    realDigitInCell: share(obj(r.real).digitInCell),
    trainSteps,
    groundingFrom,
    command: typeof r.command === 'string' ? r.command : `npm run eval -- --model trained-models/text-scenes --count ${count} --steps ${steps} --guidance ${guidance}`,
  };
}

/** Goals from the issue that specified the model. */
export const TEXT_GOALS = { digitInCell: 0.9, localisation: 0.6 } as const;

export const pct = (v: number) => formatNumber(v, { style: 'percent', maximumFractionDigits: 0 });
