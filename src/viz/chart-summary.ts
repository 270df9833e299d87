/**
 * Short text summaries of charts, read by screen readers after the chart's
 * name: a few sampled values per series, so the trend is in words.
 */

/** Values of each series at a few x positions: "At t = 250, 500, 750: A: linear 0.53, 0.08, 0.00; B: …". */
export function seriesAt<R>(
  rows: readonly R[],
  opts: {
    x: (r: R) => number;
    y: (r: R) => number | null;
    series: (r: R) => string;
    at: readonly number[];
    xName: string;
    fmt?: (v: number) => string;
    /** The sentence around the values, and the word for a missing one, in the page's language. */
    sentence?: (xName: string, at: string, parts: string) => string;
    none?: string;
  },
): string {
  const fmt = opts.fmt ?? ((v: number) => (Math.abs(v) >= 0.01 || v === 0 ? v.toFixed(2) : v.toExponential(1)));
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const k = opts.series(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const parts: string[] = [];
  for (const [name, rs] of groups) {
    const vals = opts.at.map((x) => {
      // The row nearest x: rows are thinned, so an exact match is not guaranteed.
      let best: R | undefined;
      for (const r of rs) if (!best || Math.abs(opts.x(r) - x) < Math.abs(opts.x(best) - x)) best = r;
      const y = best ? opts.y(best) : null;
      return y == null || !Number.isFinite(y) ? (opts.none ?? 'none') : fmt(y);
    });
    parts.push(`${name} ${vals.join(', ')}`);
  }
  const sentence = opts.sentence ?? ((x: string, at: string, ps: string) => `At ${x} = ${at}: ${ps}.`);
  return sentence(opts.xName, opts.at.join(', '), parts.join('; '));
}

/** Every point of a small chart, in words: "DDIM-20: 14.1; DDIM-50: 12.0." */
export function listPoints<R>(rows: readonly R[], name: (r: R) => string, value: (r: R) => string): string {
  return rows.length ? `${rows.map((r) => `${name(r)}: ${value(r)}`).join('; ')}.` : '';
}
