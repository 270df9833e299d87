// Lesson 5's quality chart, mounted on its own with a fixture of made-up
// numbers in the lead's file format (the real file is measured offline): it
// draws both charts with their axes, legend and floors, checks the goals in
// words from the data, names the missing settings, and shows the command.
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import QualityChart from '../../src/widgets/reverse/QualityChart.svelte';
import fixture from '../unit/widgets/reverse/fixtures/quality-vs-steps.fixture.json';
import { frame, mounter } from './mount';

const mountChart = mounter(QualityChart, { fontFamily: 'sans-serif' });
const show = (raw: unknown) => mountChart({ raw });

describe('quality against steps chart', () => {
  it('draws FID proxy and accuracy against steps from the file, with goals checked in words', async () => {
    await page.viewport(1100, 800);
    const el = show(fixture);
    await frame();
    expect(el.querySelector('[data-testid="quality-pending"]')).toBeNull();
    // The chart's own svg, not the legend's swatches.
    const chartSvg = (id: string) => [...el.querySelectorAll(`[data-testid="${id}"] svg`)].find((s) => s.querySelector('[data-mark="x-axis tick label"]'))!;
    const fid = chartSvg('quality-fid');
    const acc = chartSvg('quality-acc');
    expect(fid).toBeTruthy();
    expect(acc).toBeTruthy();
    const ticks = [...fid.querySelectorAll('[data-mark="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(['10', '20', '50', '100', '1000']);
    expect(fid.textContent).toContain('steps (network calls per sample, log scale)');
    expect(fid.textContent).toContain('FID proxy');
    expect(acc.textContent).toContain('classifier accuracy');
    // Both floors are marked and labelled.
    expect(fid.textContent).toContain('100 real digits, same classes: 30.0');
    expect(fid.textContent).toContain('10,000 real digits: 3.0');
    // A legend names both samplers, and one line each is drawn.
    expect(el.querySelector('[data-testid="quality-legend"]')!.textContent).toMatch(/DDPM[\s\S]*DDIM/);
    expect(fid.querySelectorAll('[data-mark="line"] path')).toHaveLength(2);
    expect(fid.querySelectorAll('[data-mark="dot"] circle')).toHaveLength(9);
    const goal = (n: number) => el.querySelector(`[data-testid="quality-goal-${n}"]`)!.textContent!.trim();
    expect(goal(20)).toBe("Goal: DDIM-20 within 1.5× of DDPM-1000's FID proxy. Measured 56.0 against 40.0, 1.40×: met.");
    expect(goal(50)).toBe("Goal: DDIM-50 within 1.2× of DDPM-1000's FID proxy. Measured 50.0 against 40.0, 1.25×: missed.");
    expect(el.querySelector('[data-testid="quality-missing"]')!.textContent).toBe('Not measured: DDIM-1000.');
    expect(el.querySelector('[data-testid="quality-notes"]')!.textContent).toContain('clipped to [−1, 1] at each step');
    expect(el.querySelector('[data-testid="quality-command"]')!.textContent).toBe(fixture.command);
    await page.screenshot({ path: '../../screenshots/quality-chart-fixture.png' });
  });

  it('adds the KID panel, with the band real digits reach, when runs measured it', async () => {
    const kidFloorSameCount = { mean: 0.006, sd: 0.017, draws: [] };
    const kids: Record<string, number> = { 'ddim-10': 0.09, 'ddim-20': 0.01, 'ddpm-1000': -0.01 };
    const runs = (fixture.runs as { args: { sampler: string; steps: string } }[]).map((r) => {
      const k = kids[`${r.args.sampler}-${r.args.steps}`];
      return k === undefined ? r : { ...r, kid: k, kidFloorSameCount };
    });
    const el = show({ ...fixture, runs });
    await frame();
    const svg = [...el.querySelectorAll('[data-testid="quality-kid"] svg')].find((s) => s.querySelector('[data-mark="x-axis tick label"]'))!;
    expect(svg.textContent).toContain('kernel distance, KID');
    expect(svg.textContent).toContain('100 real digits, same classes: 0.006 ± 2 × 0.017');
    expect(svg.querySelectorAll('[data-mark="dot"] circle')).toHaveLength(3);
    expect(svg.querySelectorAll('[data-mark="rect"] rect')).toHaveLength(1);
    // 0.01 and −0.01 lie inside 0.006 ± 0.034; 0.09 does not.
    expect(el.querySelector('[data-testid="quality-kid-note"]')!.textContent).toContain('2 of 3 settings fall inside the band');
  });

  it('says plainly when no setting falls inside the band of real digits', async () => {
    const kidFloorSameCount = { mean: -0.004, sd: 0.001, draws: [] };
    const runs = (fixture.runs as object[]).map((r) => ({ ...r, kid: 0.015, kidFloorSameCount }));
    const el = show({ ...fixture, runs });
    await frame();
    const note = el.querySelector('[data-testid="quality-kid-note"]')!.textContent!;
    expect(note).toContain(`None of the ${runs.length} settings falls inside the band`);
    expect(note).not.toContain('the others');
  });

  it('says "measurement pending", and draws nothing, without data', async () => {
    const el = show(null);
    await frame();
    expect(el.querySelector('[data-testid="quality-pending"]')!.textContent).toContain('Measurement pending');
    expect(el.querySelector('svg')).toBeNull();
    expect(el.querySelector('[data-testid="quality-command"]')!.textContent).toBe('npm run eval:steps');
    expect(el.textContent).toMatch(/DDPM and DDIM at 10, 20, 50, 100,? and 1,000 steps/);
  });
});
