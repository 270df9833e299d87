/**
 * The page's text model as reactive state, shared by every widget of lessons
 * 6–8: starts TF.js in the text model's Web Worker (the header badge shows
 * the backend it chooses), then loads the text-scenes model in its Web Worker on that backend
 * (src/workers/text/client.ts), once per page. `?model=tiny` swaps in the tiny
 * random test model, which widgets must label as such.
 */
import { unetConfig, type UNetConfig } from '../../model/config';
import { loadTextModel, startTextBackend, type TextModel } from '../../workers/text/client';
import { ensureTf } from '../../page/runtime.svelte';
import { errorReason } from '../error-text';
import { m as msg } from '../../i18n/messages';

export class TextModelState {
  model: TextModel | null = $state.raw(null);
  error: string | null = $state(null);
  loading = $state(false);
  private pending: Promise<TextModel | null> | null = null;

  /** The loaded model's config, or the shipped preset's until it arrives (for prose and diagrams). */
  get config(): UNetConfig {
    return this.model?.config ?? SHIPPED_PRESET;
  }

  /** "Test model …" when ?model=tiny swapped the shipped one out, so no screen passes it off as ours. */
  get label(): string {
    const model = this.model;
    if (!model) return '';
    return model.isTest ? msg.text_test_label({ size: model.config.imageSize }) : msg.text_shipped_label();
  }

  /** Starts loading (once); resolves with the model, or null after an error (see `error`). */
  load(): Promise<TextModel | null> {
    if (this.pending) return this.pending;
    this.loading = true;
    this.error = null;
    this.pending = (async () => {
      try {
        const report = await ensureTf(startTextBackend);
        const m = await loadTextModel(report.backend);
        this.model = m;
        return m;
      } catch (e) {
        this.error = errorReason(e);
        // Let a later load() try again (loadTextModel forgets a failed start too).
        this.pending = null;
        return null;
      } finally {
        this.loading = false;
      }
    })();
    return this.pending;
  }
}

const SHIPPED_PRESET = unetConfig('text-scenes');

export const textModelState = new TextModelState();
