/**
 * What lesson 6's explorer shows, derived from the run and the reader's
 * settings: the prompt's token groups, the attention map of the chosen block
 * and step (each step's grouped maps computed once), the token shown (chosen,
 * or previewed under the pointer), its colour scale, its cell shares, and the
 * probe's region with the tokens it reads. The component only draws this.
 */
import { NUMBER_WORDS, NUMERALS } from '../../text/vocabulary';
import { m } from '../../i18n/messages';
import { formatFixed, formatNumber } from '../../i18n/format';
import type { TextModel } from '../../workers/text/client';
import {
  ALL_BLOCKS,
  blockLabel,
  cellShares,
  groupPositions,
  maxOver,
  RunningMean,
  pixelShares,
  promptGroups,
  stepMap,
  tokenPlane,
  type Map2,
} from './attention-maps';
import type { StreamedTextRun, TextRunRequest } from './text-run.svelte';
import type { TextFrame } from '../../pipelines/text-sampling';
import type { Token } from '../../text/tokenizer';

const DIGIT_WORDS = new Set<string>([...NUMERALS, ...NUMBER_WORDS]);

/** A share of attention as a percentage: one decimal below 10 %, none above. */
export const sharePct = (v: number): string =>
  formatNumber(v, { style: 'percent', minimumFractionDigits: v < 0.1 ? 1 : 0, maximumFractionDigits: v < 0.1 ? 1 : 0 });

/** Lesson 6's run: one image, and what the reader typed so the chips can name its tokens. */
export interface ExplorerRequest extends TextRunRequest {
  /** The prompt as typed, and the tokens the encoder read (the chips of the heatmap). */
  prompt: string;
  tokens: Token[];
  /** Identifies the settings (prompt ids, seed, steps, w): a run is stale when the page's key differs. */
  key: string;
}

/** The reader's view settings the explorer reads (its URL state). */
export interface ExplorerSettings {
  blk: string;
  avg: boolean;
  k: number;
  tok: number;
  scale: string;
}

export interface ProbeBox {
  r0: number;
  c0: number;
  d: number;
}

/** A pixel (row, column) on an S×S image. */
export interface Pixel {
  r: number;
  c: number;
}

/**
 * The probe after a key: arrows move it by one attention cell of `d` pixels,
 * kept on the image; Escape removes it; any other key is not the probe's (null).
 */
export function probeAfterKey(key: string, probe: Pixel | null, S: number, d: number): { probe: Pixel | null } | null {
  const cur = probe ?? { r: Math.floor(S / 4), c: Math.floor(S / 4) };
  const at = (dr: number, dc: number) => ({ probe: { r: Math.min(S - 1, Math.max(0, cur.r + dr)), c: Math.min(S - 1, Math.max(0, cur.c + dc)) } });
  if (key === 'ArrowUp') return at(-d, 0);
  if (key === 'ArrowDown') return at(d, 0);
  if (key === 'ArrowLeft') return at(0, -d);
  if (key === 'ArrowRight') return at(0, d);
  if (key === 'Escape') return { probe: null };
  return null;
}

/** The region of `d`×`d` pixels (one cell of the attention map) that holds the probe. */
export function probeBoxOf(probe: Pixel, d: number): ProbeBox {
  return { r0: Math.floor(probe.r / d) * d, c0: Math.floor(probe.c / d) * d, d };
}

/** Roving focus in a radio group of n: arrows step and wrap, Home and End jump; null for other keys. */
export function rovingTarget(key: string, i: number, n: number): number | null {
  if (key === 'ArrowRight' || key === 'ArrowDown') return (i + 1) % n;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/**
 * The explorer's view of a run. `settings` and `model` are read lazily, so the
 * view follows the URL state and the model as they change.
 */
export function createExplorerView(gen: StreamedTextRun<ExplorerRequest>, settings: () => ExplorerSettings, model: () => TextModel | null) {
  return new (class {
    /** The token group under the pointer (a preview), or null. */
    hover = $state<number | null>(null);
    probe = $state<Pixel | null>(null);

    readonly L = $derived(model()?.config.text?.maxTokens ?? 16);
    readonly S = $derived(model()?.config.imageSize ?? 32);
    readonly req = $derived(gen.request);
    readonly groups = $derived(promptGroups(this.req?.tokens.length ?? 0, this.L));
    readonly G = $derived(this.groups.length);
    readonly tokenNames = $derived(
      this.groups.map((g, i) => {
        const t = this.req?.tokens[i];
        if (t && g.length === 1) return t.unknown ? `${t.text} [UNK]` : t.text;
        return `[PAD] ×${g.length}`;
      }),
    );
    isPad(g: number): boolean {
      return !this.req || g >= this.req.tokens.length;
    }
    isUnknown(g: number): boolean {
      return !!this.req?.tokens[g]?.unknown;
    }

    // The blocks are the model's, not the run's: a new run keeps the last run's list until its
    // first frame, so the layer menu keeps the reader's choice instead of emptying for a moment.
    private knownBlocks: { block: string; size: number }[] = [];
    readonly blocks = $derived.by(() => {
      const cross = gen.frames[0]?.cross;
      if (cross) this.knownBlocks = cross.map((c) => ({ block: c.block, size: c.size }));
      return this.knownBlocks;
    });
    readonly block = $derived(this.blocks.some((b) => b.block === settings().blk) ? settings().blk : ALL_BLOCKS);
    readonly blockOptions = $derived([
      { value: ALL_BLOCKS, label: m.xa_all_layers() },
      ...this.blocks.map((b) => ({ value: b.block, label: `${blockLabel(b.block, b.size)} (${b.block})` })),
    ]);

    // Each step's grouped map per block choice, computed once.
    private readonly cache = new WeakMap<TextFrame, Map<string, Map2>>();
    private groupedAt(s: TextFrame, blk: string): Map2 {
      let per = this.cache.get(s);
      if (!per) this.cache.set(s, (per = new Map()));
      let map = per.get(blk);
      if (!map) per.set(blk, (map = groupPositions(stepMap(s.cross ?? [], blk, 0, this.L, this.S), this.L, this.groups)));
      return map;
    }

    readonly received = $derived(gen.frames.length);
    /** The step shown, 1-based: the reader's, or the newest while following the run. */
    readonly stepPos = $derived(settings().k === 0 || settings().k > this.received ? this.received : settings().k);
    readonly shownStep = $derived(this.received ? gen.frames[this.stepPos - 1] : null);
    // Averaged over steps: each arriving step adds its map to a running sum.
    private readonly stepMean = new RunningMean();
    readonly map = $derived.by((): Map2 | null => {
      if (!this.received || !gen.frames[0].cross?.length) return null;
      if (settings().avg) return this.stepMean.of([gen.frames[0], this.block, this.groups], this.received, (i) => this.groupedAt(gen.frames[i], this.block));
      return this.shownStep ? this.groupedAt(this.shownStep, this.block) : null;
    });
    /** The image under the heat map, and its name. */
    readonly under = $derived(settings().avg ? (gen.final ?? gen.frames[this.received - 1]?.x0 ?? null) : (this.shownStep?.x0 ?? null));
    readonly underName = $derived(
      settings().avg ? (gen.final ? m.xa_final_image() : m.xa_newest_x0()) : m.xa_x0_at({ step: this.stepPos }),
    );

    /** Until the reader picks one, the prompt's first digit word is shown. */
    private readonly autoTok = $derived.by(() => {
      const i = this.req?.tokens.findIndex((t) => DIGIT_WORDS.has(t.text)) ?? -1;
      return i >= 0 ? i : 0;
    });
    readonly selected = $derived(settings().tok >= 0 && settings().tok < this.G ? settings().tok : Math.min(this.autoTok, this.G - 1));
    readonly shown = $derived(this.hover !== null && this.hover < this.G ? this.hover : this.selected);

    private readonly wordGroups = $derived(this.groups.map((_, g) => g).filter((g) => !this.isPad(g)));
    /** The colour scale's top for group g: its own maximum, or the largest over the prompt's words (shared). */
    vmaxFor(g: number): number {
      const map = this.map;
      if (!map) return 1;
      if (settings().scale === 'own' || this.wordGroups.length === 0) return maxOver(map, this.G, [g]);
      return maxOver(map, this.G, this.wordGroups);
    }
    planeOf(g: number): Float32Array | null {
      return this.map ? tokenPlane(this.map, this.G, g) : null;
    }
    readonly vmax = $derived(this.map ? this.vmaxFor(this.shown) : 1);
    readonly plane = $derived(this.planeOf(this.shown));
    readonly cells = $derived(this.map ? cellShares(this.map, this.S, this.G) : null);

    /** The probe moves by one cell of the block shown (the coarsest block's, averaged over blocks). */
    readonly probeCell = $derived.by(() => {
      const size =
        this.block === ALL_BLOCKS ? Math.max(...this.blocks.map((b) => b.size), 1) : (this.blocks.find((b) => b.block === this.block)?.size ?? this.S);
      return Math.max(1, Math.round(this.S / size));
    });
    readonly probeShares = $derived(this.map && this.probe ? Array.from(pixelShares(this.map, this.G, this.probe.r * this.S + this.probe.c)) : null);
    readonly probeTop = $derived(this.probeShares ? this.probeShares.indexOf(Math.max(...this.probeShares)) : -1);
    readonly probeBox = $derived(this.probe ? probeBoxOf(this.probe, this.probeCell) : null);

    /** The probe under a pointer at (x, y) on an element of the given box. */
    probeAt(x: number, y: number, box: { left: number; top: number; width: number; height: number }): void {
      const S = this.S;
      this.probe = {
        r: Math.min(S - 1, Math.max(0, Math.floor(((y - box.top) / box.height) * S))),
        c: Math.min(S - 1, Math.max(0, Math.floor(((x - box.left) / box.width) * S))),
      };
    }

    /** Handles a key on the probe surface; false if the key is not the probe's. */
    probeKey(key: string): boolean {
      const next = probeAfterKey(key, this.probe, this.S, this.probeCell);
      if (!next) return false;
      this.probe = next.probe;
      return true;
    }

    /** The line under the controls: what the model and the run are doing. */
    status(modelError: string | null): string {
      if (modelError) return m.xa_model_failed({ error: modelError });
      // The waiting display in the image's place already says the model is loading: one message, not two.
      if (!model()) return '';
      if (gen.status === 'running') return m.xa_generating({ k: this.received, n: gen.total });
      if (gen.status === 'done') return m.xa_done({ n: gen.total, s: formatFixed((gen.elapsedMs ?? 0) / 1000, 1) });
      if (gen.status === 'cancelled') return m.xa_cancelled();
      if (gen.status === 'error') return m.sampling_failed({ error: gen.error ?? '' });
      return m.xa_ready();
    }
  })();
}

export type ExplorerView = ReturnType<typeof createExplorerView>;
