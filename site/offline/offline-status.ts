/**
 * What the header says about offline use, as a pure function of what the
 * browser reports, so that every combination is unit-tested in Node.
 */

export const OFFLINE_TEXT = {
  summary: {
    unsupported: 'Online only',
    off: 'Offline: off',
    saving: 'Saving for offline…',
    ready: 'Ready offline',
    update: 'Update ready',
    error: 'Offline: failed',
  },
  explain: {
    unsupported: 'This browser (or this address) cannot keep the site for offline use: service workers need https or localhost.',
    off: 'Nothing is kept in this browser. Tick the box to store the whole site, data and models included, so that it works with the network off.',
    saving: 'Storing every page, data set and model in this browser. Once done, the site works with the network off.',
    ready: 'Every page, data set and model is stored in this browser: the site works with the network off.',
    update: 'A newer version of the site is stored and waits for this one to close.',
    error: 'Storing the site for offline use failed; it still works online.',
  },
  toggle: 'Keep this site available offline',
  useNew: 'Use the new version now',
} as const;

export type OfflineStatus = keyof typeof OFFLINE_TEXT.summary;

export interface WorkerFacts {
  /** Service workers exist here (secure context, production build). */
  supported: boolean;
  /** The reader has not turned offline use off. */
  enabled: boolean;
  /** A worker is active: its precache is complete (install succeeded). */
  active: boolean;
  /** A newer worker has installed and waits for this version's tabs to close. */
  waiting: boolean;
  /** A worker is downloading its precache. */
  installing: boolean;
  error: boolean;
}

export function offlineStatus(f: WorkerFacts): OfflineStatus {
  if (!f.supported) return 'unsupported';
  if (!f.enabled) return 'off';
  if (f.error && !f.active) return 'error';
  if (f.active && f.waiting) return 'update';
  if (f.active) return 'ready';
  return 'saving';
}

/** The reader's choice, remembered per browser. */
export const OFFLINE_PREF_KEY = 'diffusion-demystified:offline';

/** Caches this site owns: Workbox names its precache after the cacheId the build gives it. */
export const CACHE_PREFIX = 'diffusion-demystified';
