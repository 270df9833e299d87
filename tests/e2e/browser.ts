/** Launches Debian's Chromium for end-to-end tests and records what a page does wrong. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

export function launch(extraArgs: string[] = [], { webgpu = true } = {}): Promise<Browser> {
  const args = webgpu ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...args, ...extraArgs] });
}

export interface PageWatch {
  errors: string[];
  foreignRequests: string[];
}

/** Collects console errors, uncaught exceptions and requests that leave the site's origin. */
export function watch(page: Page, origin: string): PageWatch {
  const w: PageWatch = { errors: [], foreignRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) w.foreignRequests.push(url);
  });
  return w;
}
