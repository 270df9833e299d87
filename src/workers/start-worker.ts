/**
 * Starts one of the site's TF.js workers. They all share one entry
 * (tf-worker.ts), so the build has one worker bundle and one TF.js chunk for
 * all of them; the role travels as the worker's name, with the page's
 * locale after it, so that words a worker writes (a backend's fallback
 * reasons, numbers) are in the page's language.
 */
import { pageLocale } from '../i18n/locale';
import type { WorkerRole } from './tf-worker';


export function startTfWorker(role: WorkerRole): Worker {
  return new Worker(new URL('./tf-worker.ts', import.meta.url), { type: 'module', name: `${role} ${pageLocale()}` });
}
