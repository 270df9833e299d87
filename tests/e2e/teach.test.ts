/**
 * The teachers' page on the built site: its own URL works on a static host,
 * its prepared links open the lesson at the figure with the state in place,
 * answers reveal, and on paper the header goes and every link shows its URL.
 */
import { describe, expect, inject, it } from 'vitest';
import { pageForFile } from './browser';

const base = inject('baseUrl');
const tab = pageForFile(base, { webgpu: false });

describe('/teach/', () => {
  it('shows the route, reveals answers, and a prepared link opens its figure state', async () => {
    const { page, w } = tab;
    await page.goto(`${base}/teach/`);
    await page.getByTestId('teach-route').waitFor();
    expect(await page.title()).toContain('For teachers');
    expect(await page.getByTestId('teach-stop').count()).toBeGreaterThanOrEqual(6);
    // Test pages turn the offline precache off (tests/e2e/browser.ts): no worker downloads the site here.
    expect(await page.getByTestId('offline').getAttribute('data-state')).toBe('off');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    const first = page.getByTestId('teach-question').first();
    expect(await first.locator('details p').isVisible()).toBe(false);
    await first.locator('summary').click();
    expect(await first.locator('details p').isVisible()).toBe(true);

    const link = page.locator('[data-testid="teach-link"][href*="t=250"]').first();
    await link.click();
    await page.waitForURL(/\/lessons\/forward-process\/\?t=250#fig-forward-process$/);
    await page.getByTestId('t-slider').waitFor();
    expect(await page.getByTestId('t-slider').inputValue()).toBe('250');
  });

  it('prints without the site header, with each link followed by its URL', async () => {
    const { page } = tab;
    await page.goto(`${base}/teach/`);
    await page.getByTestId('teach-route').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const after = await page.getByTestId('teach-link').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('/lessons/');
    await page.emulateMedia({ media: 'screen' });
  });
});
