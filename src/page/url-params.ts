/**
 * Typed URL parameters (TensorFlow Playground's idea): each lesson declares one
 * list of the state a reader sets, and a link reproduces the view. Reading
 * never throws: a bad or out-of-range value falls back or clamps, and says so,
 * so the page can tell the reader which part of a link it did not use.
 */
import { m } from '../i18n/messages';

/** The reasons a reader sees in the notice for a link's ignored or changed values, from the message catalogues. */
export const URL_MESSAGES = {
  notUnderstood: (expects: string | undefined) => (expects ? m.url_not_understood({ expects }) : m.url_not_accepted()),
  clamped: (min: number, max: number, used: string) => m.url_clamped({ min, max, used }),
  rounded: (used: string) => m.url_rounded({ used }),
  adjusted: (used: string) => m.url_adjusted({ used }),
  cut: (max: number) => m.url_cut({ max }),
  repeated: (n: number) => m.url_repeated({ n }),
  wholeNumber: (min: number, max: number) => m.url_whole_number({ min, max }),
  number: (min: number, max: number) => m.url_number({ min, max }),
  oneOf: (values: readonly string[]) => (values.length <= 6 ? m.url_one_of({ values: values.join(', ') }) : m.url_one_of_listed()),
  get bool() { return m.url_bool(); },
};

/** What reading one raw value gave: the value to use, and why it differs from what the link said, if it does. */
export interface ParamRead<T> {
  value: T;
  reason?: string;
}

export interface Param<T> {
  readonly default: T;
  /** The value for a raw string, or undefined when the string means nothing here. */
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** What a good value looks like, in words, for the notice ("a whole number from 0 to 1000"). */
  readonly expects?: string;
  /** Like parse, and also says why the value is not what the link said (clamped, rounded, cut). */
  read?(raw: string): ParamRead<T> | undefined;
}

/** One value of a link that was not used as given. `raw` is what the link said (decoded). */
export interface UrlIssue {
  key: string;
  raw: string;
  reason: string;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
// Number('') and Number('  ') are 0: an empty value is "not given", never zero.
const toNumber = (raw: string) => (raw.trim() === '' ? NaN : Number(raw));

export function intParam(def: number, min: number, max: number): Param<number> {
  const read = (raw: string): ParamRead<number> | undefined => {
    const v = toNumber(raw);
    if (!Number.isFinite(v)) return undefined;
    // + 0 turns the −0 that rounding a tiny negative gives into 0, which is what a link writes back.
    const value = clamp(Math.round(v), min, max) + 0;
    if (v < min || v > max) return { value, reason: URL_MESSAGES.clamped(min, max, String(value)) };
    if (value !== v) return { value, reason: URL_MESSAGES.rounded(String(value)) };
    return { value };
  };
  return {
    default: def,
    expects: URL_MESSAGES.wholeNumber(min, max),
    read,
    parse: (raw) => read(raw)?.value,
    format: (v) => String(Math.round(v)),
  };
}

export function numParam(def: number, min: number, max: number): Param<number> {
  // Short, exact enough for a slider: 6 significant digits.
  const format = (v: number) => String(Number(v.toPrecision(6)));
  const read = (raw: string): ParamRead<number> | undefined => {
    const v = toNumber(raw);
    if (!Number.isFinite(v)) return undefined;
    // Kept at the precision a link writes, so the state read is the state a written link gives back.
    const value = Number(format(clamp(v, min, max)));
    return v >= min && v <= max ? { value } : { value, reason: URL_MESSAGES.clamped(min, max, format(value)) };
  };
  return {
    default: def,
    expects: URL_MESSAGES.number(min, max),
    read,
    parse: (raw) => read(raw)?.value,
    format,
  };
}

export function enumParam<const T extends string>(def: T, values: readonly T[]): Param<T> {
  return {
    default: def,
    expects: URL_MESSAGES.oneOf(values),
    parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
    format: (v) => v,
  };
}

export function boolParam(def: boolean): Param<boolean> {
  return {
    default: def,
    expects: URL_MESSAGES.bool,
    parse: (raw) => (raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined),
    format: (v) => (v ? '1' : '0'),
  };
}

/**
 * Free text, cut to maxLength characters (whole code points, so an emoji is
 * never split), so a pasted novel cannot bloat every link. Text inputs bound to
 * one should carry the same limit as `maxlength`.
 */
export function textParam(def: string, maxLength: number): Param<string> {
  const read = (raw: string): ParamRead<string> => {
    const chars = [...raw];
    if (chars.length <= maxLength) return { value: raw };
    return { value: chars.slice(0, maxLength).join(''), reason: URL_MESSAGES.cut(maxLength) };
  };
  return {
    default: def,
    read,
    parse: (raw) => read(raw).value,
    format: (v) => v,
  };
}

/** The length of a text in the unit textParam counts (code points), for counters next to an input. */
export const textLength = (s: string) => [...s].length;

export type ParamSpec = Record<string, Param<any>>;
export type ParamValues<S extends ParamSpec> = { [K in keyof S]: S[K]['default'] };

/**
 * A rule across parameters (lesson 3's t cannot exceed T): given values that
 * are each valid, it returns the corrections to make, each with its reason.
 */
export type UrlRule<S extends ParamSpec> = (values: Readonly<ParamValues<S>>) => { key: keyof S & string; value: unknown; reason: string }[];

export interface UrlRead<S extends ParamSpec> {
  values: ParamValues<S>;
  /** Every value of the link that was ignored, clamped or changed, in the spec's order. */
  issues: UrlIssue[];
}

/** One parameter's raw value(s) from a query string; URLSearchParams never throws, bad escapes become U+FFFD. */
function rawValues(q: URLSearchParams, key: string): string[] {
  return q.getAll(key);
}

function readOne<T>(p: Param<T>, key: string, raw: string): { value: T; issue?: UrlIssue } {
  let r: ParamRead<T> | undefined;
  try {
    r = p.read ? p.read(raw) : wrap(p, raw);
  } catch {
    // A parameter written elsewhere must still never break a page.
    r = undefined;
  }
  if (r === undefined) return { value: p.default, issue: { key, raw, reason: URL_MESSAGES.notUnderstood(p.expects) } };
  return r.reason ? { value: r.value, issue: { key, raw, reason: r.reason } } : { value: r.value };
}

/** A read for a parameter with only parse(): a value whose canonical form differs from the link's is reported as changed. */
function wrap<T>(p: Param<T>, raw: string): ParamRead<T> | undefined {
  const value = p.parse(raw);
  if (value === undefined) return undefined;
  const shown = p.format(value);
  return shown === raw ? { value } : { value, reason: URL_MESSAGES.adjusted(shown) };
}

/** Reads a spec's values from a query string: never throws, and lists what it did not use as given. */
export function readUrl<S extends ParamSpec>(spec: S, search: string, rules: readonly UrlRule<S>[] = []): UrlRead<S> {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    q = new URLSearchParams();
  }
  const values = {} as Record<string, unknown>;
  const issues: UrlIssue[] = [];
  const given = new Map<string, string>();
  for (const [key, p] of Object.entries(spec)) {
    const all = rawValues(q, key);
    if (all.length === 0) {
      values[key] = p.default;
      continue;
    }
    if (all.length > 1) issues.push({ key, raw: all.join(', '), reason: URL_MESSAGES.repeated(all.length) });
    const one = readOne(p, key, all[0]);
    values[key] = one.value;
    given.set(key, all[0]);
    if (one.issue) issues.push(one.issue);
  }
  for (const rule of rules) {
    let fixes: ReturnType<UrlRule<S>> = [];
    try {
      fixes = rule(values as ParamValues<S>);
    } catch {
      fixes = [];
    }
    for (const f of fixes) {
      const p = spec[f.key];
      if (!p) continue;
      values[f.key] = f.value;
      issues.push({ key: f.key, raw: given.get(f.key) ?? p.format(f.value), reason: f.reason });
    }
  }
  return { values: values as ParamValues<S>, issues };
}

export function readParams<S extends ParamSpec>(spec: S, search: string, rules: readonly UrlRule<S>[] = []): ParamValues<S> {
  return readUrl(spec, search, rules).values;
}

/**
 * Writes values into a query string, leaving other keys alone (e.g. ?backend=)
 * and omitting defaults so links stay short. Each value goes through the same
 * limits as reading (a 10,000-character prompt is written as the reader would
 * get it back), so a page never writes a link it would not accept.
 */
export function writeParams<S extends ParamSpec>(spec: S, values: ParamValues<S>, search: string): string {
  const q = new URLSearchParams(search);
  for (const [key, p] of Object.entries(spec)) {
    const s = p.format(values[key]);
    const back = readOne(p, key, s).value;
    const out = p.format(back);
    if (out === p.format(p.default)) q.delete(key);
    else q.set(key, out);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
