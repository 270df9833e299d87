/**
 * Screenshots of the built site in headless Chromium, for looking at what a
 * reader sees: `npx tsx scripts/screenshot.ts /lessons/forward-process/ [...]`.
 * Writes PNGs to screenshots/ (ignored by git). Build first with `npm run build`.
 * Env: WIDTH (viewport), WAIT (ms after load), FULL=0 (viewport only), SELECTOR (one element).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';
import { serveStatic } from '../tests/e2e/static-server';

const args = process.argv.slice(2);
const width = Number(process.env.WIDTH ?? 1360);
const paths = args.length ? args : ['/'];
const server = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync('screenshots', { recursive: true });
try {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  for (const p of paths) {
    await page.goto(server.url + p, { waitUntil: 'load' });
    await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
    const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    const file = `screenshots/${name}-${width}.png`;
    const selector = process.env.SELECTOR;
    if (selector) await page.locator(selector).first().screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' });
    console.log(file);
  }
} finally {
  await browser.close();
  await server.close();
}
