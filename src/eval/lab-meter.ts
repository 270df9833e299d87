/**
 * The quality meter in the browser: the shipped digit classifier (if the
 * build has one: trained-models/digit-classifier/*.ddmw) reads the lab's
 * class-conditional samples, and the share it reads as the asked-for digit is
 * the accuracy. A build without the classifier says so instead.
 */
import { loadClassifier } from '../model/classifier';
import type { Meter } from './meter-accuracy';
import { download } from '../data/download-error';

// A glob, not a plain import: the build must not fail while the classifier is not trained yet.
const found: Record<string, string> = import.meta.glob('../../trained-models/digit-classifier/*.ddmw', { query: '?url', import: 'default', eager: true });

export const CLASSIFIER_URL: string | null = Object.values(found)[0] ?? null;

let pending: Promise<Meter | null> | null = null;

/** The classifier, loaded once; null when the build has none. */
export function loadMeter(): Promise<Meter | null> {
  if (pending) return pending;
  pending = (async () => {
    if (!CLASSIFIER_URL) return null;
    const res = await download(CLASSIFIER_URL, 'the digit classifier');
    const c = loadClassifier(new Uint8Array(await res.arrayBuffer()), 'the digit classifier');
    return { config: c.config, weights: c.weights };
  })();
  pending.catch(() => (pending = null));
  return pending;
}
