import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGoals, goalSentence, kidSeries, parseQuality, qualitySeries, withinRealNoise } from '../../../../src/widgets/reverse/quality-vs-steps';

// Made-up numbers in the lead's file format (runs are what `npm run eval -- --json` writes); DDIM-1000 left out on purpose.
const fixture = JSON.parse(readFileSync(new URL('./fixtures/quality-vs-steps.fixture.json', import.meta.url), 'utf8'));

const evalOut = (sampler: string, steps: string, fid: number, acc: number) => ({
  count: 100, accuracy: { overall: acc, perClass: [] }, fid, floor: 3, perClassFid: [], genSeconds: 1,
  args: { sampler, steps, guidance: '2', seed: '1', count: '100' },
});

describe('quality-vs-steps.json', () => {
  it('is pending when absent, empty or unusable (never invents numbers)', () => {
    expect(parseQuality(undefined)).toBeNull();
    expect(parseQuality([])).toBeNull();
    expect(parseQuality({ command: 'x', runs: [] })).toBeNull();
    expect(parseQuality({ runs: [{ sampler: 'ddim' }, evalOut('plms', '20', 1, 1), evalOut('ddim', '0', 1, 1)] })).toBeNull();
    expect(parseQuality('nonsense')).toBeNull();
  });

  it('reads the lead format: command, count, guidance, clipping, both floors, the runs', () => {
    const q = parseQuality(fixture)!;
    expect(q.command).toContain('scripts/eval.ts');
    expect(q).toMatchObject({ count: 100, guidance: 2, clipX0: true, floorSameCount: 30, floor: 3 });
    expect(q.points.map((p) => `${p.sampler}-${p.steps}`)).toEqual([
      'ddim-10', 'ddim-20', 'ddim-50', 'ddim-100', 'ddpm-10', 'ddpm-20', 'ddpm-50', 'ddpm-100', 'ddpm-1000',
    ]);
    expect(q.points[1]).toMatchObject({ sampler: 'ddim', steps: 20, fid: 56, accuracy: 0.97, guidance: 2, seed: 1, count: 100 });
    expect(q.missing).toEqual(['DDIM-1000']);
  });

  it('series: one row per run, accuracy in percent, named for the legend', () => {
    const rows = qualitySeries(parseQuality(fixture)!.points);
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.name === 'DDPM' && r.steps === 1000)).toEqual({ sampler: 'ddpm', name: 'DDPM', steps: 1000, fid: 40, acc: 99 });
  });

  it('checks the goals from the data: DDIM-20 within 1.5×, DDIM-50 within 1.2× of DDPM-1000', () => {
    const [g20, g50] = checkGoals(parseQuality(fixture)!.points);
    expect(g20).toMatchObject({ steps: 20, factor: 1.5, fid: 56, reference: 40, met: true, missing: [] });
    expect(g20.ratio).toBeCloseTo(1.4);
    expect(goalSentence(g20)).toBe("Goal: DDIM-20 within 1.5× of DDPM-1000's FID proxy. Measured 56.0 against 40.0, 1.40×: met.");
    expect(g50.ratio).toBeCloseTo(1.25);
    expect(g50.met).toBe(false);
    expect(goalSentence(g50)).toMatch(/1\.25×: missed\.$/);
  });

  it('a goal exactly at its factor is met; one just over is missed', () => {
    const at = checkGoals(parseQuality([evalOut('ddpm', '1000', 40, 1), evalOut('ddim', '20', 60, 1), evalOut('ddim', '50', 48.01, 1)])!.points);
    expect(at[0].met).toBe(true);
    expect(at[1].met).toBe(false);
  });

  it('without DDPM-1000 the goals say which settings are missing instead of passing', () => {
    const q = parseQuality([evalOut('ddim', '20', 3, 0.9)])!;
    expect(q.command).toBe('');
    expect(q.missing).toContain('DDPM-1000');
    const [g20, g50] = checkGoals(q.points);
    expect(g20).toMatchObject({ ratio: null, met: null, missing: ['DDPM-1000'] });
    expect(goalSentence(g20)).toBe("Goal: DDIM-20 within 1.5× of DDPM-1000's FID proxy. Not checked: DDPM-1000 not measured.");
    expect(goalSentence(g50)).toContain('DDIM-50 and DDPM-1000 not measured');
  });

  it('a repeated setting keeps the later run', () => {
    const q = parseQuality([evalOut('ddim', '20', 9, 0.5), evalOut('ddim', '20', 7, 0.6)])!;
    expect(q.points).toHaveLength(1);
    expect(q.points[0].fid).toBe(7);
  });

  it('reads KID where runs measured it, with the same-count floor of real digits', () => {
    const withKid = (sampler: string, steps: string, kid: number) => ({ ...evalOut(sampler, steps, 50, 1), kid, kidFloorSameCount: { mean: 0.006, sd: 0.017, draws: [] } });
    const q = parseQuality({ runs: [evalOut('ddim', '10', 50, 1), withKid('ddim', '20', -0.02), withKid('ddpm', '1000', 0.09)] })!;
    expect(q.kidFloor).toEqual({ mean: 0.006, sd: 0.017 });
    expect(kidSeries(q.points)).toEqual([
      { name: 'DDIM', steps: 20, kid: -0.02 },
      { name: 'DDPM', steps: 1000, kid: 0.09 },
    ]);
    // Inside mean ± 2 sd = [−0.028, 0.040]: indistinguishable from real digits at this count; 0.09 is not.
    expect(withinRealNoise(-0.02, q.kidFloor!)).toBe(true);
    expect(withinRealNoise(0.09, q.kidFloor!)).toBe(false);
    expect(parseQuality({ runs: [evalOut('ddim', '10', 50, 1)] })!.kidFloor).toBeUndefined();
  });
});
