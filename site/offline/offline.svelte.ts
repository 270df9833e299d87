/**
 * The page's side of offline use: registers the service worker that the
 * build generated (site/offline/precache-plugin.ts), follows its life cycle
 * for the header, and lets the reader turn it off (unregister it and delete
 * its caches) or on again. Only in a production build: the dev server serves
 * modules that no precache lists, so it never registers a worker.
 */
import { CACHE_PREFIX, OFFLINE_PREF_KEY, offlineStatus, type OfflineStatus } from './offline-status';
import { PRECACHE_QUIET, whenIdle, whenQuiet } from './when-quiet';

const SW_URL = '/sw.js';

// The dev server gives every module import.meta.hot; a build never does. (Not import.meta.env.PROD:
// a build run under NODE_ENV=test, as the e2e tests' is, has PROD false.)
const BUILT = !(import.meta as unknown as { hot?: unknown }).hot;

class Offline {
  supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator && BUILT && isSecureContext;
  enabled = $state(readPref());
  active = $state(false);
  waiting = $state(false);
  installing = $state(false);
  error = $state<string | null>(null);
  status: OfflineStatus = $derived(
    offlineStatus({
      supported: this.supported,
      enabled: this.enabled,
      active: this.active,
      waiting: this.waiting,
      installing: this.installing,
      error: this.error !== null,
    }),
  );
  private reg: ServiceWorkerRegistration | null = null;
  private started = false;
  private cancelWait: () => void = () => {};

  start() {
    if (this.started || !this.supported) return;
    this.started = true;
    // A new version took over this page's worker (the reader chose it, here or in another tab): load its
    // pages, since the old version's files leave the cache as it activates. Not on the very first install,
    // which takes over no page (no clients.claim). Not tied to `waiting`: that is already false, the new
    // worker activating, by the time the controller changes.
    let reloading = false;
    const updating = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (updating && !reloading) {
        reloading = true;
        location.reload();
      }
    });
    // Not at once: the precache would take the CPU from this page's first figures (when-quiet.ts).
    if (!this.enabled) return;
    const registerIfStillOn = () => {
      if (this.enabled) void this.register();
    };
    this.cancelWait = whenQuiet(() => whenIdle(registerIfStillOn), PRECACHE_QUIET);
  }

  private async register() {
    try {
      const reg = await navigator.serviceWorker.register(SW_URL, { scope: '/' });
      this.reg = reg;
      this.error = null;
      const track = (w: ServiceWorker | null) => w?.addEventListener('statechange', () => this.sync());
      track(reg.installing);
      track(reg.waiting);
      track(reg.active);
      reg.addEventListener('updatefound', () => {
        track(reg.installing);
        this.sync();
      });
      this.sync();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  private sync() {
    const reg = this.reg;
    if (!reg) return;
    this.active = !!reg.active && reg.active.state === 'activated';
    this.waiting = !!reg.waiting && !!reg.active;
    this.installing = !!reg.installing;
    // An install that failed leaves no worker at all.
    if (!reg.active && !reg.waiting && !reg.installing) this.error = 'the service worker did not install';
  }

  async setEnabled(on: boolean) {
    writePref(on);
    if (!this.supported) {
      this.enabled = on;
      return;
    }
    if (on) {
      this.cancelWait();
      this.enabled = true;
      this.started = true;
      await this.register();
      return;
    }
    // Turning off: the badge says "off" once the worker and its caches are gone, not while they are going.
    this.cancelWait();
    const regs = await navigator.serviceWorker.getRegistrations();
    await Promise.all(regs.map((r) => r.unregister()));
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX)).map((n) => caches.delete(n)));
    this.enabled = false;
    this.reg = null;
    this.active = this.waiting = this.installing = false;
    this.error = null;
  }

  /** Lets the waiting version take over now; the page reloads on controllerchange. */
  useNewVersion() {
    this.reg?.waiting?.postMessage({ type: 'SKIP_WAITING' });
  }
}

function readPref(): boolean {
  try {
    return localStorage.getItem(OFFLINE_PREF_KEY) !== 'off';
  } catch {
    return true;
  }
}

function writePref(on: boolean) {
  try {
    if (on) localStorage.removeItem(OFFLINE_PREF_KEY);
    else localStorage.setItem(OFFLINE_PREF_KEY, 'off');
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

export const offline = new Offline();
