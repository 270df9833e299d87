// Lesson 6's per-block localisation chart, mounted on its own with made-up
// numbers in the format `npm run eval` writes: one row per block with a dot
// before and after, the chance and goal lines, the mean, the command; and
// "pending" when a file is missing.
import { describe, expect, it } from 'vitest';
import GroundingChart from '../../src/widgets/text/GroundingChart.svelte';
import { frame, mounter } from './mount';

const mountChart = mounter(GroundingChart);
const BLOCKS = ['down1.attn0', 'down2.attn0', 'mid.attn', 'up2.attn0', 'up1.attn0'];
const file = (loc: number, values: number[], step: number) => ({
  count: 500, digitInCell: 0.98, emptyCell: 0.99, localisation: loc, modelStep: step,
  localisationByBlock: Object.fromEntries(BLOCKS.map((b, i) => [b, values[i]])),
  args: { steps: '50', guidance: 3 },
  command: 'npm run eval -- --model trained-models/text-scenes --json trained-models/text-scenes/quality.json',
});

describe('grounding chart', () => {
  it('draws each block before and after, with chance, goal, the means and the command', async () => {
    const el = mountChart({ before: file(0.36, [0.25, 0.27, 0.71, 0.31, 0.24], 7556), after: file(0.72, [0.6, 0.7, 0.85, 0.75, 0.7], 10000) });
    await frame();
    expect(el.querySelector('[data-testid="grounding-pending"]')).toBeNull();
    const plot = [...el.querySelectorAll('[data-testid="grounding-plot"] svg')].find((s) => s.querySelectorAll('circle').length > 0)!;
    expect(plot.querySelectorAll('circle').length).toBe(10);
    expect(plot.textContent).toContain('chance');
    expect(plot.textContent).toContain('goal');
    for (const label of ['encoder, 16×16', 'middle, 8×8', 'decoder, 16×16']) expect(plot.textContent).toContain(label);
    expect(el.textContent).toContain('noise-prediction loss only (step 7,556)');
    expect(el.textContent).toContain('with the grounding loss (step 10,000)');
    const notes = el.querySelector('[data-testid="grounding-notes"]')!.textContent!.replace(/\s+/g, ' ');
    expect(notes).toContain('36.0% → 72.0%');
    expect(notes).toContain('same 500 held-out prompts, DDIM-50, guidance 3');
    expect(el.querySelector('[data-testid="grounding-command"]')!.textContent).toContain('npm run eval -- --model trained-models/text-scenes');
  });

  it('says the measurement is pending when a file lacks per-block figures', async () => {
    const el = mountChart({ before: { localisation: 0.36 }, after: file(0.72, [0.6, 0.7, 0.85, 0.75, 0.7], 10000) });
    await frame();
    expect(el.querySelector('[data-testid="grounding-pending"]')!.textContent).toContain('Measurement pending');
    expect(el.querySelector('svg')).toBeNull();
  });
});
