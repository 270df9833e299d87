/**
 * What the header says about offline use, as a pure function of what the
 * browser reports, so that every combination is unit-tested in Node.
 */
import { m } from '../../src/i18n/messages';

const summary = {
  get unsupported() { return m.offline_summary_unsupported(); },
  get off() { return m.offline_summary_off(); },
  get saving() { return m.offline_summary_saving(); },
  get ready() { return m.offline_summary_ready(); },
  get update() { return m.offline_summary_update(); },
  get error() { return m.offline_summary_error(); },
};

/** The badge's words, from the message catalogues (messages/<locale>.json). */
export const OFFLINE_TEXT = {
  summary,
  explain: {
    get unsupported() { return m.offline_explain_unsupported(); },
    get off() { return m.offline_explain_off(); },
    get saving() { return m.offline_explain_saving(); },
    get ready() { return m.offline_explain_ready(); },
    get update() { return m.offline_explain_update(); },
    get error() { return m.offline_explain_error(); },
  } satisfies Record<keyof typeof summary, string>,
  get toggle() { return m.offline_toggle(); },
  get useNew() { return m.offline_use_new(); },
};

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
