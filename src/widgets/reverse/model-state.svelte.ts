/**
 * The page's model as reactive state: starts TF.js in the model's Web Worker
 * (the backend it chooses shows in the header badge), then loads there (see
 * browser-sampler-client.ts) the model the reader chose with <ModelSwitch/>:
 * the shipped one (or ?model=tiny, tests only), or their own from lesson 4,
 * read from IndexedDB. It follows the choice: switching reloads, and every
 * widget of lessons 1 and 5 shares each load.
 */
import { LatestRequest } from '../latest-request';
import { ensureTf } from '../../page/runtime.svelte';
import { modelStore } from '../../page/model-store.svelte';
import { idbGet, NoModelYetError } from '../../model/reader-store-idb';
import { loadPageModel, startModelBackend, type ModelSpec, type PageModel } from '../../workers/model/client';
import { modelInfo, type ModelInfo } from '../../model/model-info';
import { m } from '../../i18n/messages';
import { errorReason } from '../error-text';

export class ModelState {
  model: PageModel | null = $state.raw(null);
  /** Read from the model's weight file: data set, class names, schedule. */
  info: ModelInfo | null = $state.raw(null);
  /** "Shipped model" or "Your model (step 1,200)": what `model` is, for the widget to say. */
  label = $state('');
  error: string | null = $state(null);
  loading = $state(false);
  /** Set by load(); until then nothing is fetched (the hero waits to be on screen). */
  private wanted = $state(false);
  /** The store has been read from IndexedDB once, so a saved choice of "yours" is not preceded by a wasted shipped load. */
  private storeRead = $state(false);
  private readonly requests = new LatestRequest();

  /** Call during a component's initialisation: the switch is followed by an $effect. */
  constructor() {
    $effect(() => {
      if (!this.wanted || !this.storeRead) return;
      const cur = modelStore.current;
      // Keyed by the save, not modelStore.version: a mere refresh must not reload.
      const key = cur.kind === 'yours' ? `yours:${modelStore.yours?.savedAt}:${modelStore.yours?.step}` : 'shipped';
      void this.switchTo(key, cur.kind, cur.label);
    });
  }

  load(): void {
    if (this.wanted) return;
    this.wanted = true;
    modelStore.refresh().finally(() => (this.storeRead = true));
  }

  private async switchTo(key: string, kind: 'shipped' | 'yours', label: string): Promise<void> {
    const my = this.requests.start();
    this.loading = true;
    this.error = null;
    try {
      const report = await ensureTf(startModelBackend);
      let spec: ModelSpec = { kind: 'shipped' };
      if (kind === 'yours') {
        const rec = await idbGet('yours');
        if (!rec) throw new NoModelYetError();
        spec = { kind: 'bytes', key, bytes: rec.bytes, source: 'yours' };
      }
      const pm = await loadPageModel(report.backend, location.search, spec);
      if (!my.live) return;
      this.model = pm;
      this.info = modelInfo(pm.config, pm.meta);
      this.label = pm.isTest && kind === 'shipped' ? m.model_test_label() : label;
    } catch (e) {
      if (!my.live) return;
      // A whole sentence, shown as it is by every widget that uses this model.
      const why = errorReason(e);
      this.error = kind === 'yours' ? m.model_yours_failed({ why }) : m.model_start_failed({ error: why });
    } finally {
      if (my.live) this.loading = false;
    }
  }
}

/** Default traced pixels (row, col) for a 28×28 digit, scaled to other sizes. */
export function defaultPixels(size: number): number[] {
  const rc: [number, number][] = [
    [14, 14],
    [8, 17],
    [3, 4],
  ];
  return rc.map(([r, c]) => Math.min(size - 1, Math.round((r * size) / 28)) * size + Math.min(size - 1, Math.round((c * size) / 28)));
}
