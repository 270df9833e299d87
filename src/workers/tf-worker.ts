/**
 * The one Web Worker entry of the site. Every worker that runs TF.js (the
 * image model of lessons 1 and 5, the text model of lessons 6 to 8, the
 * training lab of lesson 4) starts from this file and loads its role by
 * dynamic import, so that the build holds one worker bundle whose roles share
 * one TF.js chunk, instead of one full copy of TF.js per worker.
 *
 * The role is the worker's `name` (see `startTfWorker`), then the page's
 * locale: a worker's address is not the page's, so it cannot read the
 * language from it. Messages that arrive while the role loads are kept and
 * handed to it in order.
 */
import { isLocale, pageLocale, setPageLocale } from '../i18n/locale';
import { overwriteGetLocale } from '../i18n/paraglide/runtime.js';

const scope = self as unknown as { name: string; onmessage: ((e: MessageEvent) => void) | null };
const early: MessageEvent[] = [];
scope.onmessage = (e) => early.push(e);

const [role, locale] = scope.name.split(' ');
if (locale && isLocale(locale)) setPageLocale(locale);
overwriteGetLocale(pageLocale);

/** What a worker started by startTfWorker (start-worker.ts) runs, by the name it was given. */
export type WorkerRole = 'model' | 'text' | 'training';

const roles: Record<WorkerRole, () => Promise<unknown>> = {
  model: () => import('./model/worker'),
  text: () => import('./text/worker'),
  training: () => import('./training/worker'),
};

const load = roles[role as WorkerRole];
if (!load) throw new Error(`unknown worker role "${role}"`);
await load();
// The role installed its own handler; it now gets what came meanwhile.
for (const e of early) scope.onmessage?.(e);
