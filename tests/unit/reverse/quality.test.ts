import { describe, expect, it } from 'vitest';
import { checkGoals, parseQuality } from '../../../src/widgets/reverse/quality';

// The shape scripts/eval.ts writes with --json.
const evalOut = (sampler: string, steps: string, fid: number, acc: number) => ({
  count: 1000, accuracy: { overall: acc, perClass: [] }, fid, floor: 0.4, perClassFid: [], genSeconds: 1,
  args: { sampler, steps, guidance: '2', seed: '1' },
});

describe('quality-vs-steps.json', () => {
  it('is pending when absent, empty or unusable (never invents numbers)', () => {
    expect(parseQuality(undefined)).toBeNull();
    expect(parseQuality([])).toBeNull();
    expect(parseQuality({ runs: [{ sampler: 'ddim' }] })).toBeNull();
    expect(parseQuality('nonsense')).toBeNull();
  });

  it('reads an array of eval --json outputs and checks the goals', () => {
    const pts = parseQuality([evalOut('ddim', '20', 3, 0.9), evalOut('ddpm', '1000', 2.5, 0.95), evalOut('ddim', '50', 3.5, 0.93)])!;
    expect(pts.map((p) => `${p.sampler}-${p.steps}`)).toEqual(['ddim-20', 'ddim-50', 'ddpm-1000']);
    expect(pts[0]).toMatchObject({ fid: 3, accuracy: 0.9, guidance: 2, seed: 1, count: 1000 });
    const goals = checkGoals(pts);
    expect(goals[0]).toMatchObject({ steps: 20, met: true });
    expect(goals[0].ratio).toBeCloseTo(1.2);
    expect(goals[1]).toMatchObject({ steps: 50, met: false });
  });

  it('reads { runs: [...] } with flat fields; goals unknown without DDPM-1000', () => {
    const pts = parseQuality({ runs: [{ sampler: 'ddim', steps: 20, fid: 1, accuracy: 0.5 }] })!;
    expect(pts).toHaveLength(1);
    expect(checkGoals(pts)[0]).toMatchObject({ ratio: null, met: null });
  });
});
