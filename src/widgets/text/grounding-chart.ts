/**
 * Attention localisation per cross-attention block, before and after the
 * grounding loss (src/train/grounding.ts), from two files `npm run eval`
 * wrote: the model card's quality.json and the one measured at the step the
 * loss was switched on. Anything missing or malformed gives null.
 */
import { levelChannels, type UNetConfig } from '../../model/config';
import { parseTextQuality } from './text-model-card';
import { blockLabel } from './attention-maps';

export interface GroundingRow {
  block: string;
  /** "encoder, 16×16", "middle, 8×8"… (attention-maps.ts' blockLabel) */
  label: string;
  /** Shares 0..1. */
  before: number;
  after: number;
}

export interface GroundingComparison {
  rows: GroundingRow[];
  /** The mean over blocks, as the card reports it. */
  before: number;
  after: number;
  beforeSteps?: number;
  afterSteps?: number;
  /** The eval settings, when both files used the same ones (else null: the two are not comparable as they stand). */
  settings: { count: number; steps: number; guidance: number } | null;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const share = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : undefined);

/** The side of the square a block runs at: level l at imageSize / 2^l, the middle at the lowest level ("down1.attn0" → 16 in a 32-pixel model). */
export function blockSize(block: string, cfg: UNetConfig): number {
  const level = /^(?:down|up)(\d+)\./.exec(block);
  return cfg.imageSize >> (level ? Number(level[1]) : levelChannels(cfg).length - 1);
}

/** The two files' blocks must match one to one; the steps come from each file's modelStep. */
export function groundingComparison(beforeJson: unknown, afterJson: unknown, cfg: UNetConfig): GroundingComparison | null {
  const b = obj(obj(beforeJson).localisationByBlock);
  const a = obj(obj(afterJson).localisationByBlock);
  const before = share(obj(beforeJson).localisation);
  const after = share(obj(afterJson).localisation);
  if (before === undefined || after === undefined) return null;
  const rows: GroundingRow[] = [];
  for (const block of Object.keys(a)) {
    const vb = share(b[block]);
    const va = share(a[block]);
    if (vb === undefined || va === undefined) return null;
    rows.push({ block, label: blockLabel(block, blockSize(block, cfg)), before: vb, after: va });
  }
  if (rows.length === 0 || rows.length !== Object.keys(b).length) return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);
  const qb = parseTextQuality(beforeJson);
  const qa = parseTextQuality(afterJson);
  const same = qb && qa && qb.count === qa.count && qb.steps === qa.steps && qb.guidance === qa.guidance;
  return {
    rows, before, after, beforeSteps: num(obj(beforeJson).modelStep), afterSteps: num(obj(afterJson).modelStep),
    settings: same ? { count: qa.count, steps: qa.steps, guidance: qa.guidance } : null,
  };
}
