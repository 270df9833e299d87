/**
 * The data worker: downloads, inflates and checks a digit data set off the
 * page's main thread, where reading and inflating the test set's megabytes
 * held the page for tens of milliseconds at a time. No TF.js here.
 */
import { loadDigits } from '../../data/digits';
import { failureReply } from '../../failures/failure';
import { serveRequests } from '../rpc';
import { isDataRequest, type DataReply } from './protocol';

const post = (m: DataReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

serveRequests(
  self as unknown as Worker,
  isDataRequest,
  async (m) => {
    try {
      const set = await loadDigits(m.name, m.split, { baseUrl: m.baseUrl });
      post({ type: 'loaded', id: m.id, images: set.images, labels: set.labels }, [...new Set([set.images.buffer, set.labels.buffer])]);
    } catch (e) {
      post({ type: 'error', id: m.id, ...failureReply(e) });
    }
  },
  () => post({ type: 'error', code: 'malformed', message: 'malformed request to the data worker' }),
);
