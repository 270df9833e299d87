/**
 * Client-side navigation over the History API. Internal links are plain <a>
 * elements; clicks on them are intercepted so the page does not reload, and
 * every URL still works on its own after a reload.
 */
import { parseRoute, type Route } from './routes';
import { localeFromPath, stripLocale } from '../src/i18n/locale';

class Router {
  path = $state(location.pathname);
  search = $state(location.search);
  route: Route = $derived(parseRoute(this.path));

  constructor() {
    addEventListener('popstate', () => this.sync());
    document.addEventListener('click', (e) => this.onClick(e));
  }

  private sync() {
    this.path = location.pathname;
    this.search = location.search;
  }

  navigate(href: string) {
    const url = new URL(href, location.href);
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      location.hash = url.hash;
      return;
    }
    history.pushState(null, '', url);
    this.sync();
    if (url.hash) document.getElementById(url.hash.slice(1))?.scrollIntoView();
    else scrollTo(0, 0);
  }

  private onClick(e: MouseEvent) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    // The other language is another page: load it, so its <html lang>, head and messages are its own.
    if (localeFromPath(url.pathname) !== localeFromPath(location.pathname)) return;
    const path = stripLocale(url.pathname);
    if (!path.startsWith('/lessons/') && path !== '/' && path !== '/check/' && path !== '/teach/') return;
    e.preventDefault();
    this.navigate(url.href);
  }
}

export const router = new Router();
