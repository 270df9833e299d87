/**
 * Typed URL parameters (TensorFlow Playground's idea): each lesson declares one
 * list of the state a reader sets, and a link reproduces the view. Parsing is
 * forgiving: a bad or out-of-range value falls back or clamps, never throws.
 */
export interface Param<T> {
  readonly default: T;
  parse(raw: string): T | undefined;
  format(value: T): string;
}

export function intParam(def: number, min: number, max: number): Param<number> {
  return {
    default: def,
    parse(raw) {
      const v = Number(raw);
      if (!Number.isFinite(v)) return undefined;
      return Math.min(max, Math.max(min, Math.round(v)));
    },
    format: (v) => String(Math.round(v)),
  };
}

export function numParam(def: number, min: number, max: number): Param<number> {
  return {
    default: def,
    parse(raw) {
      const v = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(v)) return undefined;
      return Math.min(max, Math.max(min, v));
    },
    // Short, exact enough for a slider: 6 significant digits.
    format: (v) => String(Number(v.toPrecision(6))),
  };
}

export function enumParam<const T extends string>(def: T, values: readonly T[]): Param<T> {
  return {
    default: def,
    parse: (raw) => (values as readonly string[]).includes(raw) ? (raw as T) : undefined,
    format: (v) => v,
  };
}

export function boolParam(def: boolean): Param<boolean> {
  return {
    default: def,
    parse: (raw) => (raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined),
    format: (v) => (v ? '1' : '0'),
  };
}

export type ParamSpec = Record<string, Param<any>>;
export type ParamValues<S extends ParamSpec> = { [K in keyof S]: S[K]['default'] };

export function readParams<S extends ParamSpec>(spec: S, search: string): ParamValues<S> {
  const q = new URLSearchParams(search);
  const out = {} as Record<string, unknown>;
  for (const [key, p] of Object.entries(spec)) {
    const raw = q.get(key);
    out[key] = raw == null ? p.default : (p.parse(raw) ?? p.default);
  }
  return out as ParamValues<S>;
}

/**
 * Writes values into a query string, leaving other keys alone (e.g. ?backend=)
 * and omitting defaults so links stay short.
 */
export function writeParams<S extends ParamSpec>(spec: S, values: ParamValues<S>, search: string): string {
  const q = new URLSearchParams(search);
  for (const [key, p] of Object.entries(spec)) {
    const v = values[key];
    if (p.format(v) === p.format(p.default)) q.delete(key);
    else q.set(key, p.format(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
