/**
 * Which failure code (./failure-codes.ts) an error thrown anywhere in the
 * app stands for, by its class.
 */
import { DataLoadError } from '../data/digits';
import { DownloadError } from '../data/download-error';
import { GzipError } from '../data/gunzip';
import { IdxError } from '../data/idx';
import { WeightFileError } from '../model/weight-io';
import { CodedError, type FailureCode } from './failure-codes';
import { NoModelYetError, StoreError, type StoreErrorCode } from './model-store-idb';

export { CodedError, type FailureCode } from './failure-codes';

const STORE_CODES: Readonly<Record<StoreErrorCode, FailureCode>> = {
  unavailable: 'storage-unavailable',
  blocked: 'storage-blocked',
  open: 'storage-open',
  quota: 'storage-full',
  failed: 'storage-failed',
};

export function failureCode(err: unknown): FailureCode {
  if (err instanceof CodedError) return err.code;
  if (err instanceof DownloadError) return 'download';
  if (err instanceof DataLoadError || err instanceof GzipError || err instanceof IdxError) return 'corrupt-data';
  if (err instanceof WeightFileError) return 'model-file';
  if (err instanceof NoModelYetError) return 'no-model-yet';
  if (err instanceof StoreError) return STORE_CODES[err.code];
  return 'unexpected';
}

/** The engineer's words for an error: its message, or what it is when it is not an Error. */
export function failureDetail(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
