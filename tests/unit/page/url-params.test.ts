import { describe, expect, it } from 'vitest';
import { boolParam, enumParam, intParam, numParam, readParams, readUrl, textParam, writeParams, type UrlRule } from '../../../src/page/url-params';

const spec = {
  t: intParam(250, 0, 1000),
  beta: numParam(0.02, 1e-5, 0.2),
  kind: enumParam('linear', ['linear', 'cosine'] as const),
  z: boolParam(false),
  auto: numParam(NaN, 0, 1),
};

describe('typed URL parameters', () => {
  it('reads defaults from an empty query', () => {
    const v = readParams(spec, '');
    expect(v).toMatchObject({ t: 250, beta: 0.02, kind: 'linear', z: false });
    expect(Number.isNaN(v.auto)).toBe(true);
  });

  it('parses good values and clamps out-of-range numbers', () => {
    expect(readParams(spec, '?t=9999&beta=1e-9&kind=cosine&z=1')).toMatchObject({ t: 1000, beta: 1e-5, kind: 'cosine', z: true });
    expect(readParams(spec, '?t=12.6').t).toBe(13);
  });

  it('falls back to the default on garbage instead of throwing', () => {
    expect(readParams(spec, '?t=abc&beta=&kind=quadratic&z=maybe')).toMatchObject({ t: 250, beta: 0.02, kind: 'linear', z: false });
    // An empty or blank value is "not given", not zero.
    expect(readParams(spec, '?t=&beta=%20').t).toBe(250);
  });

  it('writes only non-defaults, keeps unrelated keys, and round-trips', () => {
    const v = { ...readParams(spec, ''), t: 10, kind: 'cosine' as const };
    const q = writeParams(spec, v, '?backend=cpu&t=3');
    expect(q).toBe('?backend=cpu&t=10&kind=cosine');
    expect(readParams(spec, q)).toMatchObject({ t: 10, kind: 'cosine', beta: 0.02 });
    expect(writeParams(spec, readParams(spec, ''), '')).toBe('');
  });
});

describe('what a read reports', () => {
  it('lists each value it did not use as given, with the raw text and the reason', () => {
    const { values, issues } = readUrl(spec, '?t=5000&beta=fast&kind=cosine&z=maybe&t=7&auto=0.5&other=1');
    expect(values).toMatchObject({ t: 1000, beta: 0.02, kind: 'cosine', z: false, auto: 0.5 });
    expect(issues.map((i) => [i.key, i.raw])).toEqual([
      ['t', '5000, 7'],
      ['t', '5000'],
      ['beta', 'fast'],
      ['z', 'maybe'],
    ]);
    expect(issues[0].reason).toMatch(/2 times/);
    expect(issues[1].reason).toMatch(/outside 0 to 1000, so 1000/);
    expect(issues[2].reason).toMatch(/not a number from 0\.00001 to 0\.2/);
    expect(issues[3].reason).toMatch(/1 or 0/);
  });

  it('says nothing about a clean link', () => {
    expect(readUrl(spec, '?t=12&beta=0.010&kind=cosine&z=1&backend=cpu').issues).toEqual([]);
  });

  it('reports rounding separately from clamping', () => {
    expect(readUrl(spec, '?t=12.6').issues[0].reason).toMatch(/not a whole number, so 13/);
  });

  it('applies cross-field rules after each value is valid on its own, with a reason', () => {
    const s = { T: intParam(1000, 1, 4000), t: intParam(500, 0, 4000) };
    const rules: UrlRule<typeof s>[] = [(v) => (v.t > v.T ? [{ key: 't', value: v.T, reason: 'larger than T' }] : [])];
    const r = readUrl(s, '?T=100&t=900', rules);
    expect(r.values).toEqual({ T: 100, t: 100 });
    expect(r.issues).toEqual([{ key: 't', raw: '900', reason: 'larger than T' }]);
    expect(readUrl(s, '?T=100&t=90', rules).issues).toEqual([]);
  });
});

describe('free text', () => {
  const p = { p: textParam('hello', 600) };

  it('cuts a long value on read and on write alike, so a written link reads back unchanged', () => {
    const long = 'a'.repeat(10_000);
    const q = writeParams(p, { p: long }, '');
    expect(new URLSearchParams(q).get('p')).toHaveLength(600);
    expect(readParams(p, q).p).toBe('a'.repeat(600));
    expect(readUrl(p, `?p=${long}`).issues[0].reason).toMatch(/longer than 600/);
  });

  it('counts emoji as one character and never splits one', () => {
    const cats = '🐱'.repeat(700);
    const v = readParams(p, `?p=${encodeURIComponent(cats)}`).p;
    expect([...v]).toHaveLength(600);
    expect(v).toBe('🐱'.repeat(600));
  });
});

describe('intParam and negative zero', () => {
  it('reads a tiny negative number as 0, not −0, so the state reads back the same from a written link', () => {
    const p = intParam(-1, -1, 64);
    const v = p.parse('-5e-324')!;
    expect(Object.is(v, 0)).toBe(true);
    expect(p.parse(p.format(v))).toBe(v);
  });
});
