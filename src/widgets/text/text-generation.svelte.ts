/**
 * One text-to-image run as reactive state: start it, watch its steps arrive
 * from the worker, cancel it. Keeps every step's x̂₀ and cross-attention
 * maps, so the figure's step scrubber and its average over steps read them
 * without asking the model again. Starting a run cancels the one before.
 */
import { LatestRequest } from '../latest-request';
import { isCancelled, type TextModel, type TextRun } from '../../workers/text/client';
import type { TextSampleSpec } from '../../pipelines/text-sampling';
import type { Token } from '../../text/tokenizer';
import type { BlockMap } from './attention-maps';
import { errorReason } from '../error-text';

export interface StoredStep {
  index: number;
  /** Timestep the network saw at this step. */
  t: number;
  /** The predicted clean image, and the sample after the step (image 0). */
  x0: Float32Array;
  xPrev: Float32Array;
  cross: BlockMap[];
}

export type GenerationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface GenerationRequest {
  spec: TextSampleSpec;
  /** The prompt as typed, and the tokens the encoder read (the chips of the heatmap). */
  prompt: string;
  tokens: Token[];
  /** Identifies the settings (prompt ids, seed, steps, w): a run is stale when the page's key differs. */
  key: string;
}

export class TextGeneration {
  status: GenerationStatus = $state('idle');
  /** Steps received so far; reassigned (not mutated) so readers update. */
  steps: StoredStep[] = $state.raw([]);
  total = $state(0);
  final: Float32Array | null = $state.raw(null);
  request: GenerationRequest | null = $state.raw(null);
  error: string | null = $state(null);
  /** Wall time of the last finished run, ms. */
  elapsedMs: number | null = $state(null);
  /** Tensors alive in the model's TF.js after the last finished run (the page shows it for leak tests). */
  tensors: number | null = $state(null);
  private run: TextRun | null = null;
  private readonly requests = new LatestRequest();

  start(model: TextModel, req: GenerationRequest): void {
    this.cancel();
    const my = this.requests.start();
    this.request = req;
    this.steps = [];
    this.total = req.spec.steps;
    this.final = null;
    this.error = null;
    this.elapsedMs = null;
    this.status = 'running';
    const t0 = performance.now();
    let r: TextRun;
    try {
      r = model.run(req.spec, (f) => {
        if (!my.live) return;
        const pix = f.x0.length / req.spec.seeds.length;
        this.steps = [
          ...this.steps,
          { index: f.index, t: f.t, x0: f.x0.subarray(0, pix), xPrev: f.xPrev.subarray(0, pix), cross: f.cross ?? [] },
        ];
      });
    } catch (e) {
      this.fail(e);
      return;
    }
    this.run = r;
    r.done.then(
      (x0) => {
        if (!my.live) return;
        this.final = x0.subarray(0, x0.length / req.spec.seeds.length);
        this.elapsedMs = performance.now() - t0;
        this.tensors = model.tensors();
        this.status = 'done';
        this.run = null;
      },
      (e: unknown) => {
        if (!my.live) return;
        this.run = null;
        if (isCancelled(e)) this.status = 'cancelled';
        else this.fail(e);
      },
    );
  }

  cancel(): void {
    if (this.run) {
      this.run.cancel();
      this.run = null;
      // The cancelled run's ticket goes stale: whatever it still posts is dropped.
      this.requests.cancel();
      this.status = 'cancelled';
    }
  }

  private fail(e: unknown): void {
    this.error = errorReason(e);
    this.status = 'error';
  }
}
