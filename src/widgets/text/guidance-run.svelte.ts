/**
 * Reactive state for lessons 7 and 8: the page's text model (one per page,
 * shared through loadTextModel) and a sampling run that streams its steps.
 * Starting a run cancels the one before; until the new run reaches a step,
 * that step is still shown from the old run (flagged), so dragging a slider
 * never blanks the figure.
 */
import { LatestRequest } from '../latest-request';
import { useFigure } from '../../page/figure-state.svelte';
import { MAX_TOKENS } from '../../text/vocabulary';
import { isCancelled, type TextModel, type TextRun } from '../../workers/text/client';
import { textModelState } from './text-model-state.svelte';
import type { TextFrame, TextSampleSpec } from '../../pipelines/text-sampling';
import { errorReason } from '../error-text';

export class StreamedRun {
  /** Frames of the current run, by step index. */
  frames: TextFrame[] = $state.raw([]);
  /** The run before, shown where the current one has not got to yet. */
  previous: TextFrame[] = $state.raw([]);
  /** Final images of the current run (n × pixels), once done. */
  final: Float32Array | null = $state.raw(null);
  /** What the current run was asked for. */
  spec: TextSampleSpec | null = $state.raw(null);
  busy = $state(false);
  error: string | null = $state(null);
  /** Frames to keep: all (step-through) or just the latest (grids). */
  private keepAll: boolean;
  private run: TextRun | null = null;
  private readonly requests = new LatestRequest();

  constructor(opts: { keepAll?: boolean } = {}) {
    this.keepAll = opts.keepAll ?? true;
  }

  start(model: TextModel, spec: TextSampleSpec): void {
    this.run?.cancel();
    const my = this.requests.start();
    if (this.frames.length) this.previous = this.frames;
    this.frames = [];
    this.final = null;
    this.spec = spec;
    this.busy = true;
    this.error = null;
    let run: TextRun;
    try {
      run = model.run(spec, (f) => {
        if (!my.live) return;
        this.frames = this.keepAll ? [...this.frames, f] : [f];
      });
    } catch (e) {
      this.busy = false;
      this.error = errorReason(e);
      return;
    }
    this.run = run;
    run.done.then(
      (x0) => {
        if (!my.live) return;
        this.final = x0;
        this.busy = false;
      },
      (e: unknown) => {
        if (!my.live || isCancelled(e)) return;
        this.busy = false;
        this.error = errorReason(e);
      },
    );
  }

  stop(): void {
    this.requests.cancel();
    this.run?.cancel();
    this.run = null;
    this.busy = false;
  }

  /** Step k's frame, from this run if it has got there, else from the previous one. */
  frameAt(k: number): { frame: TextFrame; stale: boolean } | null {
    const f = this.frames[k];
    if (f) return { frame: f, stale: false };
    const p = this.previous[k];
    return p ? { frame: p, stale: true } : null;
  }

  /** Each image's predicted clean image x̂₀ at the newest step, or the final images when done: a grid's preview. */
  get preview(): { x: Float32Array; done: boolean; step: number; steps: number } | null {
    if (this.final && this.spec) return { x: this.final, done: true, step: this.spec.steps, steps: this.spec.steps };
    const f = this.frames[this.frames.length - 1];
    return f ? { x: f.x0, done: false, step: f.index + 1, steps: f.steps } : null;
  }

  /** The latest state of each image: the sample after the newest step, or the final images when done. */
  get latest(): { x: Float32Array; done: boolean; step: number; steps: number } | null {
    if (this.final && this.spec) return { x: this.final, done: true, step: this.spec.steps, steps: this.spec.steps };
    const f = this.frames[this.frames.length - 1];
    return f ? { x: f.xPrev, done: false, step: f.index + 1, steps: f.steps } : null;
  }
}

/**
 * The page's text model and one streamed run of it, for a figure that samples
 * on its own whenever its settings change. Build it while a component is set
 * up: its effects live and end with that component.
 */
export class TextSampler {
  /** The page's one text model (every figure of lessons 6–8 shares it). */
  readonly ms = textModelState;
  readonly run: StreamedRun;
  maxTokens = $derived(this.ms.model?.config.text?.maxTokens ?? MAX_TOKENS);
  size = $derived(this.ms.model?.config.imageSize ?? 32);
  /** Numbers per image, to cut one image out of a run's batch. */
  pixels = $derived(this.size * this.size * (this.ms.model?.config.inChannels ?? 1));

  constructor({ keepAll = false } = {}) {
    this.ms.load();
    this.run = new StreamedRun({ keepAll });
    $effect(() => () => this.run.stop());
    // The enclosing figure's run state (DESIGN's hooks).
    const figure = useFigure();
    $effect(() => {
      figure.state = this.ms.error || this.run.error ? 'error' : this.run.busy || !this.ms.model ? 'running' : this.run.final ? 'done' : 'idle';
    });
  }

  get model(): TextModel | null {
    return this.ms.model;
  }

  /**
   * Restarts the run whenever what `spec` reads changes, once the change has
   * settled for `settleMs`: a slider drag is many events, and sampling each
   * would queue runs the reader never sees.
   */
  follow(spec: () => TextSampleSpec, settleMs = 300): void {
    $effect(() => {
      const m = this.ms.model;
      if (!m) return;
      const s = spec();
      const timer = setTimeout(() => this.run.start(m, s), settleMs);
      return () => clearTimeout(timer);
    });
  }
}
