/** The training lab's cross-tab lock (Web Locks API): one tab trains at a time. */

/**
 * One name for every tab of the site: all of them train the same saved model
 * (model-store-idb.ts keeps one checkpoint per browser), so only one may train.
 */
export const TRAINING_LOCK = 'diffusion-demystified:training-lab';

/**
 * Takes the training lock without waiting. Resolves with a release function,
 * or null when another tab holds it. Where the Web Locks API is missing (or
 * refuses, as in an opaque origin) it resolves with a no-op release: training
 * then starts as it did before the lock existed.
 */
export function tryTrainingLock(locks: LockManager | undefined = globalThis.navigator?.locks): Promise<(() => void) | null> {
  const noop = () => {};
  if (!locks || typeof locks.request !== 'function') return Promise.resolve(noop);
  return new Promise((resolve) => {
    locks
      .request(TRAINING_LOCK, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        // Held until this promise settles, or until the tab closes.
        return new Promise<void>((release) => resolve(release));
      })
      .catch(() => resolve(noop));
  });
}
