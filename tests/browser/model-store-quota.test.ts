/**
 * The lab's IndexedDB store when the browser's quota is exceeded (simulated:
 * the store's put throws the QuotaExceededError DOMException a full disk
 * gives): the save fails with a message that says so, and the previous save
 * is still there, whole (checkpoint and model from the same step).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { idbClear, idbGet, idbPutBoth, StorageFullError, STORE_MESSAGES } from '../../src/model/reader-store-idb';

const save = (step: number) =>
  idbPutBoth(
    { bytes: new Uint8Array([step, 1, 2]), step, savedAt: step, elapsedMs: step },
    { bytes: new Uint8Array([step, 3, 4]), step, savedAt: step, dataset: 'mnist', params: 10 } as never,
  );

const realPut = IDBObjectStore.prototype.put;
afterEach(async () => {
  IDBObjectStore.prototype.put = realPut;
  await idbClear();
});

describe('saving the lab model when storage is full', () => {
  it('fails with a clear message and keeps the last save whole, when the second put of a save throws', async () => {
    await save(1);
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // The first put of the save goes through; the second finds the disk full.
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    const err = await save(2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toBe(STORE_MESSAGES.quota);
    IDBObjectStore.prototype.put = realPut;
    const [ck, yours] = await Promise.all([idbGet('checkpoint'), idbGet('yours')]);
    expect(ck?.step).toBe(1);
    expect(yours?.step).toBe(1);
    expect([...(ck?.bytes ?? [])]).toEqual([1, 1, 2]);
  });

  it('fails the same way when the first put throws, and a later save works again', async () => {
    await save(1);
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    await expect(save(2)).rejects.toThrow(STORE_MESSAGES.quota);
    IDBObjectStore.prototype.put = realPut;
    expect((await idbGet('yours'))?.step).toBe(1);
    await save(3);
    expect((await idbGet('checkpoint'))?.step).toBe(3);
  });
});

describe('two tabs saving at the same time', () => {
  it('never leaves a checkpoint from one save beside a model from another', async () => {
    // Two open connections, as two tabs' workers have; their saves interleave.
    const saves = Array.from({ length: 20 }, (_, i) => save(i + 1));
    await Promise.all(saves);
    const [ck, yours] = await Promise.all([idbGet('checkpoint'), idbGet('yours')]);
    expect(ck?.step).toBe(yours?.step);
    expect(ck?.bytes[0]).toBe(yours?.bytes[0]);
  });
});
