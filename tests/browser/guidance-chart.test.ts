// Lesson 7's trade-off chart, mounted on its own with made-up numbers in the
// format `npm run eval -- --guidance-sweep` writes (the real file is measured
// offline): it draws both charts with one dot per scale and the real-scene
// reference, shows the file's command, and says "pending" without a file.
import { describe, expect, it } from 'vitest';
import GuidanceChart from '../../src/widgets/text/GuidanceChart.svelte';
import { frame, mounter } from './mount';

const mountChart = mounter(GuidanceChart);
const show = (raw: unknown) => mountChart({ raw });

const FIXTURE = {
  kind: 'guidance-sweep',
  command: 'npm run eval -- --model trained-models/text-scenes --guidance-sweep 0,1,3,10 --prompts 2 --seeds 2 --steps 3',
  prompts: 2,
  seeds: 2,
  steps: 3,
  sampler: 'ddim',
  points: [0, 1, 3, 10].map((w, i) => ({ guidance: w, digitInCell: 0.2 + 0.2 * i, emptyCell: 0.5, diversity: 12 - 2 * i, correct: 1, total: 6 })),
  real: { digitInCell: 0.97, diversity: 11 },
};

describe('guidance trade-off chart', () => {
  it('draws adherence and diversity against the scale, with the command that measured them', async () => {
    const el = show(FIXTURE);
    await frame();
    expect(el.querySelector('[data-testid="guidance-pending"]')).toBeNull();
    for (const id of ['guidance-adherence', 'guidance-diversity']) {
      const svg = el.querySelector(`[data-testid="${id}"] svg`);
      expect(svg, id).toBeTruthy();
      expect(svg!.querySelectorAll('circle').length, id).toBe(4);
      expect(svg!.textContent).toContain('real digits');
    }
    expect(el.querySelector('[data-testid="guidance-command"]')!.textContent).toBe(FIXTURE.command);
    expect(el.querySelector('[data-testid="guidance-notes"]')!.textContent).toContain('2 held-out prompts × 2 seeds');
  });

  it('says the measurement is pending when there is no usable file', async () => {
    const el = show({ kind: 'guidance-sweep', points: [] });
    await frame();
    expect(el.querySelector('[data-testid="guidance-pending"]')!.textContent).toContain('Measurement pending');
    expect(el.querySelector('[data-testid="guidance-command"]')!.textContent).toContain('--guidance-sweep 0,1,2,3,5,7.5,10');
    expect(el.querySelector('svg')).toBeNull();
  });
});
