import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lessons, lessonPath } from '../../lessons/registry';
import { launch, watch, withoutPrecache } from './browser';
import { serveStatic } from './static-server';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page that does not fill the offline precache (see withoutPrecache). */
async function newPage(on: Browser = browser): Promise<Page> {
  const page = await on.newPage();
  await withoutPrecache(page);
  return page;
}

describe('the built site, served as static files', () => {
  it('lists every lesson on the home page, from the registry', async () => {
    const page = await newPage();
    const w = watch(page, base);
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 2, name: 'Lessons' }).waitFor();
    const titles = await page.locator('.toc .title').allTextContents();
    expect(titles).toEqual(lessons.map((l) => l.title));
    await page.close();
  });

  it('navigates between lessons without a reload, and the URL survives a reload', async () => {
    const page = await newPage();
    await page.goto(`${base}${lessonPath(lessons[1])}`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole('link', { name: /Next/ }).click();
    await page.waitForURL(`${base}${lessonPath(lessons[2])}`);
    expect(await page.locator('#lesson-title').textContent()).toBe(lessons[2].title);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.reload();
    expect(await page.locator('#lesson-title').textContent()).toBe(lessons[2].title);
    await page.goBack();
    await page.waitForURL(`${base}${lessonPath(lessons[1])}`);
    await page.close();
  });

  it('typesets equations with KaTeX', async () => {
    const page = await newPage();
    await page.goto(`${base}${lessonPath(lessons[1])}`);
    await page.locator('.katex-display').first().waitFor();
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('does not load TF.js on a page without a model (lesson 3 draws its figures without one)', async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${base}${lessonPath(lessons[2])}`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('backend').count()).toBe(0);
    for (const url of scripts) {
      const body = await page.evaluate((u) => fetch(u).then((r) => r.text()), url);
      expect(body, url).not.toContain('tfjs-backend-webgpu');
    }
    await page.close();
  });
});

describe('the TF.js backend badge', () => {
  async function badge(path: string, init?: string) {
    const page = await newPage();
    if (init) await page.addInitScript(init);
    const w = watch(page, base);
    await page.goto(`${base}${path}`);
    const el = page.getByTestId('backend');
    await page.waitForFunction(() => {
      const t = document.querySelector('[data-testid="backend"]')?.textContent;
      return t && t !== '…';
    });
    const name = await el.textContent();
    await page.getByTestId('smoke').filter({ hasText: /correct|expected/ }).waitFor();
    const smoke = await page.getByTestId('smoke').textContent();
    // Keyboard users reach the details by focusing the badge's button.
    await page.getByRole('button', { name: /TF\.js/ }).focus();
    const details = await page.getByTestId('backend-details').innerText();
    const detailsVisible = await page.getByTestId('backend-details').isVisible();
    await page.close();
    return { name, smoke, details, detailsVisible };
  }

  // SwiftShader is a software GPU: with no hardware GPU the page runs the models on wasm, and says why.
  const SOFTWARE = /Skipped WebGL: software renderer .*SwiftShader/;

  it('on a software GPU chooses wasm by itself, says why, and computes a correct test op', async () => {
    const r = await badge('/check/');
    expect(r.name).toBe('wasm');
    expect(r.smoke).toContain('✓ correct');
    expect(r.detailsVisible).toBe(true);
    expect(r.details).toContain('Running on wasm');
    expect(r.details).toContain('Skipped WebGPU: software adapter');
    expect(r.details).toMatch(SOFTWARE);
  });

  it.each(['webgpu', 'webgl', 'wasm', 'cpu'])('?backend=%s forces that backend', async (name) => {
    const r = await badge(`/check/?backend=${name}`);
    expect(r.name).toBe(name);
    expect(r.smoke).toContain('✓ correct');
    expect(r.details).toContain('chosen by ?backend=');
  });

  it('runs on wasm and says why when WebGPU has no adapter', async () => {
    const r = await badge('/check/', 'Object.defineProperty(navigator, "gpu", { value: { requestAdapter: async () => null } });');
    expect(r.name).toBe('wasm');
    expect(r.details).toContain('Skipped WebGPU: no adapter');
    expect(r.smoke).toContain('✓ correct');
  });

  it('runs on wasm when the browser has no WebGPU at all', async () => {
    const page = await newPage();
    await page.addInitScript('Object.defineProperty(navigator, "gpu", { value: undefined });');
    await page.goto(`${base}/check/`);
    await page.getByTestId('fallback-reasons').waitFor();
    expect(await page.getByTestId('fallback-reasons').textContent()).toMatch(/WebGPU: not supported/);
    expect(await page.getByTestId('backend').textContent()).toBe('wasm');
    await page.close();
  });

  it('runs on wasm in a Chromium started without the WebGPU flag', async () => {
    const plain = await launch([], { webgpu: false });
    try {
      const page = await newPage(plain);
      await page.goto(`${base}/check/`);
      await page.getByTestId('fallback-reasons').waitFor();
      expect(await page.getByTestId('fallback-reasons').textContent()).toMatch(/^WebGPU: /);
      expect(await page.getByTestId('backend').textContent()).toBe('wasm');
    } finally {
      await plain.close();
    }
  });

  it('runs wasm on every core when the page is cross-origin isolated, on one thread when it is not', async () => {
    const isolated = await serveStatic(process.env.E2E_DIST ?? 'dist', 0, { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    try {
      const page = await newPage();
      await page.goto(`${isolated.url}/check/?backend=wasm`);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      const cores = Math.min(8, await page.evaluate(() => navigator.hardwareConcurrency));
      const details = page.getByTestId('backend-details');
      await page.getByTestId('smoke').filter({ hasText: /correct|expected/ }).waitFor();
      // TF.js' binary alone would cap the pool at half the cores: one thread on a 2-core machine.
      expect(await details.textContent()).toContain(cores > 1 ? `with ${cores} threads` : 'on one thread');
      await page.goto(`${base}/check/?backend=wasm`);
      await page.getByTestId('smoke').filter({ hasText: /correct|expected/ }).waitFor();
      expect(await details.textContent()).toContain('on one thread');
      await page.close();
    } finally {
      await isolated.close();
    }
  });

  it('says plainly when TF.js cannot start, and the prose still reads', async () => {
    const page = await newPage();
    await page.route(/\/assets\/.*\.js$/, async (route) => {
      const res = await route.fetch();
      const body = await res.text();
      // The chunk that holds TF.js itself (its kernel registry and its URL flags).
      if (body.includes('registerKernel') && body.includes('tfjsflags')) return route.abort();
      return route.fulfill({ response: res, body });
    });
    await page.goto(`${base}/check/`);
    await page.getByTestId('tf-failed').waitFor();
    expect(await page.getByTestId('tf-failed').textContent()).toContain('could not start');
    expect(await page.getByTestId('backend').textContent()).toBe('unavailable');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('System check');
    await page.close();
  });
});
