/**
 * One text-to-image run of the page's text model as reactive state, for every
 * figure of lessons 6–8: start it, watch its steps arrive from the worker,
 * cancel it. Starting a run cancels the one before, whose late frames and
 * result are dropped (latest request wins). Until the new run reaches a step,
 * that step can still be shown from the run before (flagged stale), so
 * dragging a slider never blanks a figure.
 */
import { LatestRequest, type Ticket } from '../latest-request';
import { afterPaint } from '../after-paint';
import { isCancelled, type TextModel, type TextRun } from '../../workers/text/client';
import type { TextFrame, TextSampleSpec } from '../../pipelines/text-sampling';
import { errorReason } from '../error-text';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What a run was asked for; a figure may carry more (lesson 6 keeps the prompt and its tokens). */
export interface TextRunRequest {
  spec: TextSampleSpec;
}

/** Where a grid stands: each image's newest picture, at which step, and whether it is the final one. */
export interface RunProgress {
  x: Float32Array;
  done: boolean;
  step: number;
  steps: number;
}

export class StreamedTextRun<R extends TextRunRequest = TextRunRequest> {
  status: RunStatus = $state('idle');
  /** Frames of the current run, by step index (only the newest with keepAll off); reassigned, never mutated, so readers update. */
  frames: TextFrame[] = $state.raw([]);
  /** The run before's frames, shown where the current one has not got to yet (kept only with keepPrevious). */
  previous: TextFrame[] = $state.raw([]);
  /** Final images of the current run (n × pixels), once done. */
  final: Float32Array | null = $state.raw(null);
  request: R | null = $state.raw(null);
  error: string | null = $state(null);
  /** Wall time of the last finished run, ms. */
  elapsedMs: number | null = $state(null);
  /** Tensors alive in the model's TF.js after the last finished run (the page shows it for leak tests). */
  tensors: number | null = $state(null);
  /** Frames to keep: all (step-through, scrubbers) or just the newest (grids). */
  private readonly keepAll: boolean;
  /** Lesson 6 shows no stale steps, and its frames carry every block's maps: no reason to hold two runs of them. */
  private readonly keepPrevious: boolean;
  private run: TextRun | null = null;
  /** A run asked for whose request has not gone to the worker yet (see `begin`). */
  private waiting = false;
  private readonly requests = new LatestRequest();
  private readonly begin: (go: () => void) => void;

  constructor(opts: { keepAll?: boolean; keepPrevious?: boolean; begin?: (go: () => void) => void } = {}) {
    this.keepAll = opts.keepAll ?? true;
    this.keepPrevious = opts.keepPrevious ?? true;
    this.begin = opts.begin ?? afterPaint;
  }

  /** What the current run was asked for. */
  get spec(): TextSampleSpec | null {
    return this.request?.spec ?? null;
  }

  /** Steps of the current run (0 before the first). */
  get total(): number {
    return this.request?.spec.steps ?? 0;
  }

  start(model: TextModel, request: R): void {
    this.cancel();
    const my = this.requests.start();
    if (this.keepPrevious && this.frames.length) this.previous = this.frames;
    this.request = request;
    this.frames = [];
    this.final = null;
    this.error = null;
    this.elapsedMs = null;
    this.status = 'running';
    this.waiting = true;
    this.begin(() => {
      if (!my.live) return;
      this.waiting = false;
      this.send(model, request, my);
    });
  }

  private send(model: TextModel, request: R, my: Ticket): void {
    const t0 = performance.now();
    let run: TextRun;
    try {
      run = model.run(request.spec, (f) => {
        if (!my.live) return;
        this.frames = this.keepAll ? [...this.frames, f] : [f];
      });
    } catch (e) {
      this.fail(e);
      return;
    }
    this.run = run;
    run.done.then(
      (x0) => {
        if (!my.live) return;
        this.run = null;
        this.final = x0;
        this.elapsedMs = performance.now() - t0;
        this.tensors = model.tensors();
        this.status = 'done';
      },
      (e: unknown) => {
        if (!my.live) return;
        this.run = null;
        // A cancellation is the reader's doing (or the page's), not a failure to report.
        if (isCancelled(e)) this.status = 'cancelled';
        else this.fail(e);
      },
    );
  }

  /** Stops the running run, if any; a finished or failed run keeps what it showed. */
  cancel(): void {
    if (!this.run && !this.waiting) return;
    this.run?.cancel();
    this.run = null;
    this.waiting = false;
    // The cancelled run's ticket goes stale: whatever it still posts is dropped.
    this.requests.cancel();
    this.status = 'cancelled';
  }

  /** Step k's frame, from this run if it has got there, else from the previous one. */
  frameAt(k: number): { frame: TextFrame; stale: boolean } | null {
    const f = this.frames[k];
    if (f) return { frame: f, stale: false };
    const p = this.previous[k];
    return p ? { frame: p, stale: true } : null;
  }

  /** Each image's predicted clean image x̂₀ at the newest step, or the final images when done: a grid's preview. */
  get preview(): RunProgress | null {
    return this.progress((f) => f.x0);
  }

  /** The latest state of each image: the sample after the newest step, or the final images when done. */
  get latest(): RunProgress | null {
    return this.progress((f) => f.xPrev);
  }

  private progress(pick: (f: TextFrame) => Float32Array): RunProgress | null {
    const spec = this.spec;
    if (this.final && spec) return { x: this.final, done: true, step: spec.steps, steps: spec.steps };
    const f = this.frames[this.frames.length - 1];
    return f ? { x: pick(f), done: false, step: f.index + 1, steps: f.steps } : null;
  }

  private fail(e: unknown): void {
    this.run = null;
    this.error = errorReason(e);
    this.status = 'error';
  }
}
