/**
 * The browser twin of load.ts: fetch a shipped model (weights.ddmw), check it
 * with weight-io, and turn it into tensors on the current TF.js backend. The
 * shipped model is imported with Vite's `?url` so the build emits it as an
 * asset. Call ensureTf() (src/runtime) before any of these.
 *
 * For tests only, `?model=tiny` in the page URL swaps the shipped model for a
 * tiny randomly initialised U-Net (8×8 images): the widgets run the same code
 * on SwiftShader in seconds instead of minutes. It draws nothing meaningful.
 */
import { unetConfig, type UNetConfig } from './config';
import { disposeWeights, weightsFromValues, type Weights } from './params';
import { describeUNet, initUNet } from './unet';
import { loadWeights, WeightFileError } from './weight-io';
import { download } from '../data/download-error';

export interface BrowserModel {
  config: UNetConfig;
  weights: Weights;
  meta: Record<string, unknown>;
  /** 'shipped' or 'tiny (random, tests only)'. */
  source: string;
  /** True for the random test model: widgets say so on screen. */
  isTest: boolean;
}

export { modelChoiceFromSearch, SHIPPED_MODEL_URL, type ModelChoice } from './shipped';
import { modelChoiceFromSearch, SHIPPED_MODEL_URL } from './shipped';

/** Decodes weight-file bytes into tensors on the current backend; throws WeightFileError on a bad file. */
export function modelFromBytes(bytes: Uint8Array, what = 'weights.ddmw'): BrowserModel {
  const saved = loadWeights(bytes, { what });
  const weights = weightsFromValues(describeUNet(saved.config).specs, saved.weights, what, (message) => new WeightFileError(message));
  return { config: saved.config, weights, meta: saved.meta, source: 'shipped', isTest: false };
}

/** A tiny random U-Net (8×8, 10 classes); zeroFinal off so its ε̂ is not identically 0. */
export function tinyTestModel(seed = 1): BrowserModel {
  const config = unetConfig('tiny');
  return { config, weights: initUNet(config, { seed, zeroFinal: false }), meta: {}, source: 'tiny (random, tests only)', isTest: true };
}

export async function fetchModel(url: string = SHIPPED_MODEL_URL): Promise<BrowserModel> {
  const res = await download(url, 'the model');
  return modelFromBytes(new Uint8Array(await res.arrayBuffer()), 'the shipped model (weights.ddmw)');
}

let pending: Promise<BrowserModel> | null = null;

/**
 * The page's one model, shared by every widget (loaded once). Honours
 * ?model=tiny. A failed load is not cached, so a retry fetches again.
 */
export function pageModel(search: string = typeof location === 'undefined' ? '' : location.search): Promise<BrowserModel> {
  if (pending) return pending;
  const choice = modelChoiceFromSearch(search);
  pending = choice === 'tiny' ? Promise.resolve().then(() => tinyTestModel()) : fetchModel();
  pending.catch(() => (pending = null));
  return pending;
}

export function disposeModel(m: BrowserModel): void {
  disposeWeights(m.weights);
}
