/**
 * The page's way to load a digit data set: in the data worker (worker.ts),
 * which downloads, inflates and checks the files off the main thread and
 * transfers only the pixels and labels. Each split is loaded once per page
 * (the widgets that show the same set share it), in a worker that stops once
 * it has answered; a failed load is not kept, so the next call tries again.
 */
import { dataBaseUrl, digitSet, loadOnce, type DatasetName, type DigitSet, type Split } from '../../data/digits';
import { RequestChannel } from '../rpc';
import { isDataReply, type DataReply, type DataRequest } from './protocol';

const loaded = new Map<string, Promise<DigitSet>>();

/** One split of a data set; `baseUrl` is where the files are (default: the site's own data folder). */
export function loadDigitsInWorker(name: DatasetName, split: Split, baseUrl = dataBaseUrl()): Promise<DigitSet> {
  const absolute = new URL(baseUrl, location.href).href;
  return loadOnce(loaded, `${name}/${split}/${absolute}`, () => loadInWorker(name, split, absolute));
}

async function loadInWorker(name: DatasetName, split: Split, baseUrl: string): Promise<DigitSet> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'data' });
  const channel = new RequestChannel<DataRequest, DataReply>(worker, {
    name: 'data worker',
    isReply: isDataReply,
    idOf: (m) => m.id,
    settle: (m) => (m.type === 'error' ? { kind: 'error', message: m.message, code: m.code } : { kind: 'done', value: m }),
  });
  try {
    const { images, labels } = await channel.request<Extract<DataReply, { type: 'loaded' }>>((id) => ({ type: 'load', id, name, split, baseUrl })).done;
    return digitSet(name, split, images, labels);
  } finally {
    worker.terminate();
  }
}
