/**
 * The messages between the page and the data worker (worker.ts), with a guard
 * for each direction, checked on arrival (src/workers/rpc.ts).
 *   → load (id, data set, split, where the files are)   ← loaded (id) | error (id)
 * The worker downloads, inflates and checks one split; its pixels and labels
 * come back transferred, not copied.
 */
import { DATASET_COUNTS, IMAGE_PIXELS, type DatasetName, type Split } from '../../data/digits';
import { is } from '../rpc';
import { isFailureCode, type FailureCode } from '../../failures/failure-codes';

export type DataRequest = { type: 'load'; id: number; name: DatasetName; split: Split; baseUrl: string };

export type DataReply =
  | { type: 'loaded'; id: number; images: Uint8Array; labels: Uint8Array }
  /** code: why, for the page to word (src/failures/failure-codes.ts); message: the English detail. */
  | { type: 'error'; id?: number; code?: FailureCode; message: string };

export function isDataRequest(m: unknown): m is DataRequest {
  return (
    is.obj(m) && m.type === 'load' && is.int(m.id) && is.str(m.name) && m.name in DATASET_COUNTS &&
    (m.split === 'train' || m.split === 'test') && is.str(m.baseUrl)
  );
}

export function isDataReply(m: unknown): m is DataReply {
  if (!is.obj(m)) return false;
  if (m.type === 'loaded') return is.int(m.id) && is.u8(m.images) && is.u8(m.labels) && m.images.length === m.labels.length * IMAGE_PIXELS;
  if (m.type === 'error') return (m.id === undefined || is.int(m.id)) && (m.code === undefined || isFailureCode(m.code)) && is.str(m.message);
  return false;
}
