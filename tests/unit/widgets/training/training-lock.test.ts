/**
 * The lab's cross-tab lock against a small LockManager that follows the Web
 * Locks spec for `ifAvailable` (the callback gets null when the name is held;
 * the lock is held until the callback's promise settles). Two tabs in a real
 * browser: tests/e2e/two-tabs.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { TRAINING_LOCK, tryTrainingLock } from '../../../../src/widgets/training/training-lock';

function fakeLocks() {
  const held = new Set<string>();
  const locks = {
    held,
    request(name: string, _opts: { ifAvailable: boolean }, cb: (lock: { name: string } | null) => unknown) {
      if (held.has(name)) return Promise.resolve(cb(null));
      held.add(name);
      return Promise.resolve(cb({ name })).finally(() => held.delete(name));
    },
  };
  return locks;
}

describe('tryTrainingLock', () => {
  it('gives the lock to one holder at a time, and again once it is released', async () => {
    const locks = fakeLocks();
    const first = await tryTrainingLock(locks as unknown as LockManager);
    expect(first).toBeTypeOf('function');
    expect(locks.held.has(TRAINING_LOCK)).toBe(true);
    expect(await tryTrainingLock(locks as unknown as LockManager)).toBeNull();
    first!();
    await new Promise((r) => setTimeout(r, 0));
    expect(locks.held.has(TRAINING_LOCK)).toBe(false);
    const again = await tryTrainingLock(locks as unknown as LockManager);
    expect(again).toBeTypeOf('function');
    again!();
  });

  it('lets training start as before where the API is missing or refuses', async () => {
    expect(await tryTrainingLock(undefined)).toBeTypeOf('function');
    const refusing = { request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')) };
    expect(await tryTrainingLock(refusing as unknown as LockManager)).toBeTypeOf('function');
  });
});
