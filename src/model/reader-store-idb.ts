/**
 * The reader's model in IndexedDB, readable from the page and from the
 * training worker alike (no DOM). Two records in one store:
 *  - 'checkpoint': the whole training state (weights, Adam, EMA, loss
 *    history) as a lab checkpoint file, to resume after a reload;
 *  - 'yours': the EMA weights as a weight file, what other lessons load.
 */
import type { FailureCode } from '../failures/failure-codes';
export const DB_NAME = 'diffusion-demystified';
export const STORE = 'models';
export const DB_VERSION = 1;

export interface StoredCheckpoint {
  bytes: Uint8Array;
  step: number;
  savedAt: number;
  elapsedMs: number;
}

export interface StoredModel {
  /** A weight file (weight-io format, float32). */
  bytes: Uint8Array;
  step: number;
  savedAt: number;
  dataset: string;
  params: number;
}

export type RecordKey = 'checkpoint' | 'yours';
type RecordOf<K extends RecordKey> = K extends 'checkpoint' ? StoredCheckpoint : StoredModel;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new StoreError('unavailable', 'IndexedDB is not available here.'));
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new StoreError('open', `IndexedDB could not be opened${req.error ? `: ${req.error.message}` : '.'}`));
    req.onblocked = () => reject(new StoreError('blocked', 'IndexedDB is blocked by another tab.'));
  });
}

/**
 * What a failed save means, in English for engineers and logs; the page words
 * a StoreError's `code` in the reader's language. The previous save is
 * untouched in every case.
 */
export const STORE_MESSAGES = {
  quota:
    'The browser has no storage left for this site, so this save did not happen. The last save is intact; export your model to keep it, or free some space.',
  failed: 'Saving to the browser failed, so this save did not happen. The last save is intact.',
};

/**
 * Why the browser's storage failed, as a code the page can word (the code
 * also crosses the training worker's messages, where the class does not):
 * no IndexedDB at all, blocked by another tab, not opened, full, or a save
 * that failed otherwise.
 */
export type StoreErrorCode = 'unavailable' | 'blocked' | 'open' | 'quota' | 'failed';

const STORE_FAILURES: Readonly<Record<StoreErrorCode, FailureCode>> = {
  unavailable: 'storage-unavailable',
  blocked: 'storage-blocked',
  open: 'storage-open',
  quota: 'storage-full',
  failed: 'storage-failed',
};

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  get failureCode(): FailureCode {
    return STORE_FAILURES[this.code];
  }
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** A save refused for lack of space: its message says so, and that the last save survives. */
export class StorageFullError extends StoreError {
  constructor() {
    super('quota', STORE_MESSAGES.quota);
    this.name = 'StorageFullError';
  }
}

/** "Your model" asked for while this browser keeps none. */
export class NoModelYetError extends Error {
  override name = 'NoModelYetError';
  readonly failureCode: FailureCode = 'no-model-yet';
  constructor() {
    super('You have no model yet: train one in lesson 4.');
  }
}

function storeError(err: unknown): Error {
  if (err instanceof DOMException && err.name === 'QuotaExceededError') return new StorageFullError();
  if (err instanceof StoreError) return err;
  const why = err instanceof Error ? `: ${err.message}` : '';
  return new StoreError('failed', `${STORE_MESSAGES.failed}${why}`);
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | null): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let req: IDBRequest<T> | null;
      try {
        req = fn(tx.objectStore(STORE));
      } catch (err) {
        // A put that throws (QuotaExceededError, DataCloneError) after an earlier put
        // was queued must not let the transaction commit half of a save.
        tx.abort();
        reject(storeError(err));
        return;
      }
      let value: T | undefined;
      if (req) req.onsuccess = () => (value = req.result);
      tx.oncomplete = () => resolve(value);
      tx.onerror = () => reject(storeError(tx.error));
      tx.onabort = () => reject(storeError(tx.error));
    });
  } finally {
    db.close();
  }
}

export function idbGet<K extends RecordKey>(key: K): Promise<RecordOf<K> | undefined> {
  return withStore<RecordOf<K>>('readonly', (s) => s.get(key) as IDBRequest<RecordOf<K>>);
}

export async function idbPut<K extends RecordKey>(key: K, value: RecordOf<K>): Promise<void> {
  await withStore('readwrite', (s) => s.put(value, key));
}

/** Both records in one transaction, so a reload never finds one without the other. */
export async function idbPutBoth(checkpoint: StoredCheckpoint, yours: StoredModel): Promise<void> {
  await withStore('readwrite', (s) => {
    s.put(checkpoint, 'checkpoint');
    return s.put(yours, 'yours');
  });
}

export async function idbClear(): Promise<void> {
  await withStore('readwrite', (s) => s.clear());
}
