/**
 * The page's side of the data worker: one split of a data set, loaded in a
 * worker of its own that stops once it has answered (a page asks for one or
 * two splits in all).
 */
import type { DatasetName, Split } from '../../data/digits';
import { RequestChannel } from '../rpc';
import { isDataReply, type DataReply, type DataRequest } from './protocol';

/** The split's pixels and labels, checked by the worker; `baseUrl` is where the files are (made absolute here). */
export async function loadInWorker(name: DatasetName, split: Split, baseUrl: string): Promise<{ images: Uint8Array; labels: Uint8Array }> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'data' });
  const channel = new RequestChannel<DataRequest, DataReply>(worker, {
    name: 'data worker',
    isReply: isDataReply,
    idOf: (m) => m.id,
    settle: (m) => (m.type === 'error' ? { kind: 'error', message: m.message, code: m.code } : { kind: 'done', value: m }),
  });
  const absolute = new URL(baseUrl, location.href).href;
  try {
    const reply = await channel.request<Extract<DataReply, { type: 'loaded' }>>((id) => ({ type: 'load', id, name, split, baseUrl: absolute })).done;
    return { images: reply.images, labels: reply.labels };
  } finally {
    worker.terminate();
  }
}
