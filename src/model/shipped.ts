/**
 * Where the shipped models are, and which one a page URL asks for, without
 * TF.js: the page names them, the model workers load them. Imported with
 * Vite's `?url`, so the build emits the weight files as assets.
 */
import shippedUrl from '../../trained-models/mnist-cond/weights.ddmw?url';
import shippedTextUrl from '../../trained-models/text-scenes/weights.ddmw?url';

export type ModelChoice = 'shipped' | 'tiny';

export const SHIPPED_MODEL_URL: string = shippedUrl;
export const SHIPPED_TEXT_MODEL_URL: string = shippedTextUrl;

/** Reads ?model= from a query string: 'tiny' or the shipped model. */
export function modelChoiceFromSearch(search: string): ModelChoice {
  return new URLSearchParams(search).get('model') === 'tiny' ? 'tiny' : 'shipped';
}

/** Lets the page breathe between network calls (input, paint). */
export function yieldToPage(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}
