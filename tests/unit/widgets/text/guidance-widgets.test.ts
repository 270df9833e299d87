/**
 * Lessons 7–8's helpers: the panels' arithmetic against the guidance formula,
 * the batch specs (which image gets which prompt, scale and seed), the long
 * prompt's two views, and the sweep file parser the chart trusts.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TOKENS } from '../../../../src/text/vocabulary';
import { tokenize } from '../../../../src/text/tokenizer';
import {
  GRID_SCALES,
  gridSpec,
  guidanceParts,
  imageOf,
  longPromptViews,
  parseSweep,
  promptParam,
  rms,
  rowSeeds,
  scaledRange,
  sharedSeedSpec,
  SWEEP_COMMAND,
} from '../../../../src/widgets/text/guidance';

describe('guidance panels', () => {
  const u = [0, 1, -2, 0.5];
  const c = [1, 1, 2, -0.5];
  it('w = 0 gives ε_u, w = 1 gives ε_c, and the scaled difference is guided − ε_u', () => {
    expect([...guidanceParts(u, c, 0).guided]).toEqual(u);
    expect([...guidanceParts(u, c, 1).guided]).toEqual(c);
    const p = guidanceParts(u, c, 7.5);
    expect([...p.scaled]).toEqual([7.5, 0, 30, -7.5]);
    p.guided.forEach((g, i) => expect(g).toBeCloseTo(u[i] + p.scaled[i], 6));
  });
  it('the difference is drawn on the range w = 10 fills', () => {
    expect(scaledRange(u, c)).toEqual([-40, 40]); // max |ε_c − ε_u| = 4
    expect(scaledRange(u, c, 2)).toEqual([-8, 8]);
    expect(scaledRange(u, u)[1]).toBeGreaterThan(0); // no zero-width range for an empty prompt
  });
  it('rms', () => {
    expect(rms([3, -4])).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(rms([])).toBe(0);
  });
});

describe('batch specs', () => {
  const ids = tokenize('3 top left').ids;
  it('a grid is row-major: seed per row, scale per column, the prompt everywhere', () => {
    const s = gridSpec(ids, [0, 1, 5], [10, 11], 20);
    expect(Array.from(s.guidance)).toEqual([0, 1, 5, 0, 1, 5]);
    expect(Array.from(s.seeds)).toEqual([10, 10, 10, 11, 11, 11]);
    expect(s.tokens.length).toBe(6 * MAX_TOKENS);
    expect([...s.tokens.subarray(4 * MAX_TOKENS, 5 * MAX_TOKENS)]).toEqual([...ids]);
    expect(s.steps).toBe(20);
  });
  it('rows take consecutive seeds, wrapping at the maximum', () => {
    expect(rowSeeds(5, 3, 999_999)).toEqual([5, 6, 7]);
    expect(rowSeeds(999_999, 2, 999_999)).toEqual([999_999, 0]);
  });
  it('shared-seed pairs keep each prompt in its own row', () => {
    const other = tokenize('7 bottom right').ids;
    const s = sharedSeedSpec([{ ids, guidance: 3 }, { ids: other, guidance: 9 }], 42, 25, { parts: true });
    expect(Array.from(s.seeds)).toEqual([42, 42]);
    expect(Array.from(s.guidance)).toEqual([3, 9]);
    expect([...s.tokens.subarray(MAX_TOKENS)]).toEqual([...other]);
    expect(s.parts).toBe(true);
    expect(() => sharedSeedSpec([{ ids, guidance: 1 }, { ids: new Int32Array(3), guidance: 1 }], 1, 5)).toThrow(RangeError);
  });
  it('imageOf slices the n-th image', () => {
    const b = Float32Array.from({ length: 12 }, (_, i) => i);
    expect([...imageOf(b, 2, 4)]).toEqual([8, 9, 10, 11]);
  });
  it('the grid has the scales the sweep measures', () => {
    expect(SWEEP_COMMAND).toContain(`--guidance-sweep ${GRID_SCALES.join(',')}`);
  });
});

describe('long prompt, truncated or condensed', () => {
  it('the example loses its positions to the cut; the condensed form keeps them', () => {
    const v = longPromptViews(
      'Please draw me a beautiful, elegant handwritten number seven, placed up in the top right corner of the picture, and maybe also a little 2 down at the bottom left',
      MAX_TOKENS,
    );
    expect(v.truncated.truncated).toBe(true);
    expect(v.truncated.kept).toHaveLength(MAX_TOKENS);
    expect(v.truncated.dropped.map((t) => t.text)).toContain('2');
    expect(v.condensed).toBe('seven top right and 2 bottom left');
    expect(v.condensedView.truncated).toBe(false);
    expect(v.condensedView.unknownCount).toBe(0);
  });
  it('bad input never throws: empty, 500 characters, emoji', () => {
    const empty = longPromptViews('', MAX_TOKENS);
    expect(empty.truncated.empty).toBe(true);
    expect(empty.condensed).toBe('');
    const long = longPromptViews('word '.repeat(100), MAX_TOKENS);
    expect(long.truncated.truncated).toBe(true);
    expect(long.truncated.dropped.length).toBe(100 - MAX_TOKENS);
    const emoji = longPromptViews('🎨 a 3 top left 👩‍💻', MAX_TOKENS);
    expect(emoji.truncated.unknownCount).toBe(2);
    expect(emoji.condensed).toBe('3 top left');
  });
  it('the prompt URL parameter keeps any text, empty included, within its length', () => {
    const p = promptParam('x', 10);
    expect(p.parse('')).toBe('');
    expect(p.parse('a'.repeat(20))).toHaveLength(10);
  });
});

describe('sweep file', () => {
  const file = {
    kind: 'guidance-sweep',
    command: 'npm run eval -- --guidance-sweep 0,3',
    prompts: 10,
    seeds: 6,
    steps: 20,
    sampler: 'ddim',
    points: [
      { guidance: 3, digitInCell: 0.8, emptyCell: 0.9, diversity: 4 },
      { guidance: 0, digitInCell: 0.1, emptyCell: 0.5, diversity: 9 },
      { guidance: 'x', digitInCell: 0.5, diversity: 1 },
    ],
    real: { digitInCell: 0.97, diversity: 8 },
  };
  it('reads rows sorted by scale, in percent, and skips malformed points', () => {
    const d = parseSweep(file)!;
    expect(d.rows.map((r) => r.guidance)).toEqual([0, 3]);
    expect(d.rows[1].adherence).toBeCloseTo(80, 10);
    expect(d.rows[0].diversity).toBe(9);
    expect(d.real).toEqual({ adherence: 97, diversity: 8 });
    expect(d.command).toBe(file.command);
  });
  it('absent, foreign or empty files are "pending" (null), never a made-up chart', () => {
    expect(parseSweep(undefined)).toBeNull();
    expect(parseSweep([])).toBeNull();
    expect(parseSweep({ ...file, kind: 'quality' })).toBeNull();
    expect(parseSweep({ ...file, points: [] })).toBeNull();
  });
});
