/**
 * Lesson 4's lab as a reader meets it: the page opened with its defaults,
 * Start pressed, and its own quality meter (data-testid "lab-quality") read
 * as it trains. Records when the meter first reads at least 80% and at least
 * 90%, the step and the page's ms per step then, the time estimate the page
 * showed, and the longest main-thread task. Stops at 90% or at the limit.
 * Prints nothing; bench/run.ts prints.
 */
import type { Browser } from 'playwright-core';
import { recordLongTasks } from './step-timing';

export interface LabGoalRow {
  where: string;
  ranOn: string;
  /** Seconds from pressing Start to the meter's first reading ≥ 80% (NaN: not within the limit). */
  to80: number;
  step80: number;
  to90: number;
  step90: number;
  msPerStep: number;
  /** The page's "about N minutes" line, as first shown once it had a speed. */
  estimate: string;
  /** Every meter reading: seconds since Start, step, percent. */
  readings: { s: number; step: number; pct: number }[];
  longestTaskMs: number;
  error?: string;
}

export async function benchLabGoal(browser: Browser, url: string, where: string, limitMs: number, log: (line: string) => void = () => {}): Promise<LabGoalRow> {
  const row: LabGoalRow = { where, ranOn: '?', to80: NaN, step80: NaN, to90: NaN, step90: NaN, msPerStep: NaN, estimate: '', readings: [], longestTaskMs: NaN };
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  try {
    await recordLongTasks(page);
    await page.goto(url);
    const lab = page.locator('[data-testid="training-lab"] [data-phase]').first();
    await page.waitForFunction(() => document.querySelector('[data-testid="training-lab"] [data-phase]')?.getAttribute('data-phase') === 'idle', null, { timeout: 120_000 });
    await page.getByTestId('lab-start').scrollIntoViewIfNeeded();
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('lab-start').click();
    const deadline = Date.now() + limitMs;
    let last = '';
    while (Date.now() < deadline) {
      await page.waitForTimeout(1000);
      const now = await page.evaluate(() => performance.now());
      const s = (now - t0) / 1000;
      if (!row.estimate) {
        const e = (await page.getByTestId('lab-estimate').textContent({ timeout: 100 }).catch(() => null))?.trim() ?? '';
        if (/\d+ minutes?/.test(e)) row.estimate = e;
      }
      const q = await page.getByTestId('lab-quality').textContent({ timeout: 100 }).catch(() => null);
      const head = (await page.getByTestId('sample-head').textContent({ timeout: 100 }).catch(() => null)) ?? '';
      if (!q || head === last) continue;
      last = head;
      const pct = Number(q.replace(/[^\d]/g, ''));
      const step = Number(/step ([\d,]+)/.exec(head)?.[1]?.replace(/,/g, '') ?? NaN);
      row.readings.push({ s, step, pct });
      log(`  ${s.toFixed(0)} s, step ${step}: ${pct}%`);
      if (pct >= 80 && !Number.isFinite(row.to80)) [row.to80, row.step80] = [s, step];
      if (pct >= 90) {
        [row.to90, row.step90] = [s, step];
        break;
      }
    }
    row.msPerStep = Number(await lab.getAttribute('data-ms'));
    row.ranOn = (await lab.getAttribute('data-backend')) ?? '?';
    const tasks = await page.evaluate((a) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= a), t0);
    row.longestTaskMs = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  } catch (e) {
    row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    await page.close();
  }
  return row;
}

export function formatLabGoalRows(rows: readonly LabGoalRow[]): string[] {
  const min = (s: number) => (Number.isFinite(s) ? `${(s / 60).toFixed(1)} min` : '—');
  return [
    '| where | ran on | meter ≥ 80% (goal ≤ 5 min) | at step | meter ≥ 90% (goal ≤ 15 min) | at step | ms/step | longest main-thread task | the page said |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.where} | ${r.ranOn} | ${min(r.to80)} | ${Number.isFinite(r.step80) ? r.step80 : '—'} | ${min(r.to90)} | ${Number.isFinite(r.step90) ? r.step90 : '—'} | ${r.msPerStep.toFixed(0)} | ${Number.isFinite(r.longestTaskMs) ? `${r.longestTaskMs.toFixed(0)} ms` : '—'} | ${r.error ?? (r.estimate || '—')} |`,
    ),
  ];
}
