/**
 * Reactive state for lessons 7 and 8: the page's text model (one per page,
 * shared through loadTextModel) and one streamed run of it (text-run.svelte.ts)
 * that restarts whenever the figure's settings settle.
 */
import { useFigure } from '../../page/figure-state.svelte';
import { MAX_TOKENS } from '../../text/vocabulary';
import type { TextModel } from '../../workers/text/client';
import { textModelState } from './text-model-state.svelte';
import type { TextSampleSpec } from '../../pipelines/text-sampling';
import { StreamedTextRun } from './text-run.svelte';

/**
 * The page's text model and one streamed run of it, for a figure that samples
 * on its own whenever its settings change. Build it while a component is set
 * up: its effects live and end with that component.
 */
export class TextSampler {
  /** The page's one text model (every figure of lessons 6–8 shares it). */
  readonly ms = textModelState;
  readonly run: StreamedTextRun;
  maxTokens = $derived(this.ms.model?.config.text?.maxTokens ?? MAX_TOKENS);
  size = $derived(this.ms.model?.config.imageSize ?? 32);
  /** Numbers per image, to cut one image out of a run's batch. */
  pixels = $derived(this.size * this.size * (this.ms.model?.config.inChannels ?? 1));

  constructor({ keepAll = false } = {}) {
    this.ms.load();
    this.run = new StreamedTextRun({ keepAll });
    $effect(() => () => this.run.cancel());
    // The enclosing figure's run state (DESIGN's hooks).
    const figure = useFigure();
    $effect(() => {
      figure.state = this.ms.error || this.run.error ? 'error' : this.run.status === 'running' || !this.ms.model ? 'running' : this.run.final ? 'done' : 'idle';
    });
  }

  get model(): TextModel | null {
    return this.ms.model;
  }

  /**
   * Restarts the run whenever what `spec` reads changes, once the change has
   * settled for `settleMs`: a slider drag is many events, and sampling each
   * would queue runs the reader never sees. A null spec starts nothing yet
   * (a figure not near the screen).
   */
  follow(spec: () => TextSampleSpec | null, settleMs = 300): void {
    $effect(() => {
      const m = this.ms.model;
      if (!m) return;
      const s = spec();
      if (!s) return;
      const timer = setTimeout(() => this.run.start(m, { spec: s }), settleMs);
      return () => clearTimeout(timer);
    });
  }
}
