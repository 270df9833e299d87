/**
 * Property-based test (fast-check, fixed seed, so every run draws the same
 * cases) over every lesson's URL parameters: any query string at all, and any
 * combination of the lessons' own keys with any values, is read without
 * throwing into valid state; and valid state written to a link reads back
 * unchanged. "Valid" is checked against the parameters' own definitions: a
 * value is valid when it is the default or reading its written form gives it
 * back. (This test found that a number read from a link was kept at more
 * precision than a link writes, so a written link did not read back the same.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readUrl, writeParams, type ParamSpec, type ParamValues, type UrlRule } from '../../../src/page/url-params';
import { repairSearch } from '../../../src/page/url-repair';
import { scheduleRules } from '../../../src/widgets/schedules/schedule-lab.svelte';
import { lessonUrlSpecs } from '../../../lessons/course/url-specs';

interface Case {
  name: string;
  spec: ParamSpec;
  rules?: readonly UrlRule<any>[];
  /** Cross-field invariants the rules promise. */
  invariant?: (v: Record<string, unknown>) => boolean;
}

// Every lesson's whole URL list (the union of its figures' lists, as its scenes file declares it).
const CASES: Case[] = Object.entries(lessonUrlSpecs).flatMap(([slug, specs]) =>
  specs
    .filter((spec) => Object.keys(spec).length > 0)
    .map((spec): Case =>
      slug === 'noise-schedules'
        ? { name: slug, spec, rules: scheduleRules, invariant: (v) => (v.t as number) <= (v.T as number) }
        : { name: slug, spec },
    ),
);

const SEED = 18;
const RUNS = 250;

/** Values that break naive parsers: escapes, numbers at and past every limit, whitespace, scripts, RTL and emoji. */
const nasty = fc.constantFrom(
  '', ' ', '%', '%E9', '%ff', '%C3%A9', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '1e-400', '0x10', '-0',
  '9007199254740993', '-99999999999999999999', '3.5', '1,5', 'true', 'false', 'yes', '<script>alert(1)</script>',
  'مرحبا', '🐱🐱', '\u0000', '+', '&', '=', '#', 'x'.repeat(3000),
);
const value = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.integer({ min: -5, max: 5000 }).map(String),
);

/** Same-valued (Object.is, so NaN = NaN) on every key. */
const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((k) => Object.is(a[k], b[k]));

function isValid(spec: ParamSpec, values: Record<string, unknown>): boolean {
  return Object.entries(spec).every(([k, p]) => {
    const v = values[k];
    if (typeof v !== typeof p.default) return false;
    // The default is always valid, even a sentinel such as lesson 3's NaN ("the kind's own range").
    if (p.format(v) === p.format(p.default)) return true;
    const back = p.read ? p.read(p.format(v))?.value : p.parse(p.format(v));
    return back !== undefined && Object.is(p.format(back), p.format(v));
  });
}

describe.each(CASES)('URL state of $name', ({ spec, rules = [], invariant }) => {
  const keys = Object.keys(spec);
  const key = fc.oneof(fc.constantFrom(...keys), fc.constantFrom('zzz', 'backend', 'utm_source', 'tfjsflags'), fc.string({ maxLength: 6 }));
  const encoded = fc.array(fc.tuple(key, value), { maxLength: 14 }).map((pairs) => '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
  const raw = fc.array(fc.tuple(key, value), { maxLength: 14 }).map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&'));
  const search = fc.oneof(encoded, raw, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

  const read = (q: string) => readUrl(spec, q, rules as UrlRule<ParamSpec>[]);

  it('reads any query string without throwing, into valid state, and says why for every value it changed', () => {
    fc.assert(
      fc.property(search, (q) => {
        const { values, issues } = read(q);
        expect(Object.keys(values).sort()).toEqual([...keys].sort());
        expect(isValid(spec, values)).toBe(true);
        if (invariant) expect(invariant(values)).toBe(true);
        for (const i of issues) {
          expect(keys).toContain(i.key);
          expect(i.reason.length).toBeGreaterThan(0);
        }
        // What the link says of the spec's keys and was kept as given has no issue; everything else has one.
        const q2 = new URLSearchParams(q);
        for (const k of keys) {
          const given = q2.getAll(k);
          if (given.length === 1 && !issues.some((i) => i.key === k)) {
            const p = spec[k];
            expect(p.format((values as Record<string, unknown>)[k])).toBe(p.format(p.read ? p.read(given[0])!.value : p.parse(given[0])!));
          }
        }
        // And the same holds after the start-up repair of undecodable escapes.
        expect(isValid(spec, read(repairSearch(q).search).values)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('writes valid state into a link that reads back unchanged, with no issue, keeping other keys', () => {
    fc.assert(
      fc.property(search, fc.constantFrom('', '?backend=cpu', '?zzz=%C3%A9&backend=webgl'), (q, other) => {
        const x = read(q).values as ParamValues<ParamSpec>;
        const link = writeParams(spec, x, other);
        const back = read(link);
        expect(sameValues(back.values, x)).toBe(true);
        expect(back.issues).toEqual([]);
        for (const [k, v] of new URLSearchParams(other)) expect(new URLSearchParams(link).get(k)).toBe(v);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});
