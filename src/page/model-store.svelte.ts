/**
 * "Shipped model" or "your model": which U-Net the lessons' widgets use.
 * The reader's model is the EMA weights the training lab saves to IndexedDB
 * (record 'yours', see model-store-idb.ts); the choice is remembered in
 * localStorage. Any widget can adopt it:
 *
 *   import { modelStore } from './model-store.svelte';
 *   const { config, weights } = await modelStore.current.load(); // Map<string, Float32Array>
 *   // and <ModelSwitch /> (src/widgets/training/ModelSwitch.svelte) lets the reader choose.
 *
 * Reading `modelStore.current` inside an $effect reruns it when the reader switches.
 */
import type { UNetConfig } from '../model/config';
import { SHIPPED_MODEL_URL } from '../model/shipped';
import { loadWeights } from '../model/weight-io';
import { download } from '../data/download-error';
import { idbGet, NoModelYetError } from '../model/reader-store-idb';
import { formatNumber } from '../i18n/format';
import { m } from '../i18n/messages';

export type ModelKind = 'shipped' | 'yours';

export interface LoadedWeights {
  config: UNetConfig;
  weights: Map<string, Float32Array>;
  meta: Record<string, unknown>;
}

export interface ModelSource {
  kind: ModelKind;
  /** "Shipped model" or "Your model (step 1,200)". */
  label: string;
  load(): Promise<LoadedWeights>;
}

export interface YourModelInfo {
  step: number;
  savedAt: number;
  dataset: string;
  params: number;
}

const CHOICE_KEY = 'dd-model-choice';

async function loadShipped(): Promise<LoadedWeights> {
  const res = await download(SHIPPED_MODEL_URL, 'the shipped model');
  return loadWeights(new Uint8Array(await res.arrayBuffer()), { what: 'the shipped model' });
}

async function loadYours(): Promise<LoadedWeights> {
  const rec = await idbGet('yours');
  if (!rec) throw new NoModelYetError();
  return loadWeights(rec.bytes, { what: 'your saved model' });
}

function readChoice(): ModelKind {
  try {
    return globalThis.localStorage?.getItem(CHOICE_KEY) === 'yours' ? 'yours' : 'shipped';
  } catch {
    return 'shipped';
  }
}

export class ModelStore {
  /** What the reader asked for; `current` falls back to shipped while there is no model of theirs. */
  choice: ModelKind = $state(readChoice());
  yours: YourModelInfo | null = $state(null);
  /** Bumped on every save, so widgets showing "your model" can reload it. */
  version = $state(0);
  private refreshing: Promise<void> | null = null;

  get current(): ModelSource {
    const y = this.yours;
    if (this.choice === 'yours' && y) {
      void this.version;
      return { kind: 'yours', label: m.model_yours_label({ step: formatNumber(y.step) }), load: loadYours };
    }
    return { kind: 'shipped', label: m.model_shipped_label(), load: loadShipped };
  }

  select(kind: ModelKind): void {
    this.choice = kind;
    try {
      globalThis.localStorage?.setItem(CHOICE_KEY, kind);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }

  /** Re-reads what IndexedDB holds (after the lab saved, imported or reset). */
  refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    this.refreshing = (async () => {
      try {
        const rec = await idbGet('yours');
        this.yours = rec ? { step: rec.step, savedAt: rec.savedAt, dataset: rec.dataset, params: rec.params } : null;
        this.version++;
      } catch {
        this.yours = null;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }
}

export const modelStore = new ModelStore();
