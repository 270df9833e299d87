/**
 * CSS linear gradients (as getComputedStyle gives them) turned into what a
 * canvas needs to draw them: the gradient line's two ends in the box and its
 * colour stops as offsets in [0, 1]. Used by Save PNG for colour bars, legend
 * ramps and the time-direction arrows, which are CSS backgrounds, not pixels.
 * The geometry follows CSS Images 3 §3.1: the line goes through the box's
 * centre at the given angle (0deg points up, 90deg right), long enough that
 * its ends' perpendiculars touch the box's corners; "to top right" and the
 * other corners pick the angle whose 50% line joins the two other corners.
 */

export interface GradientStop {
  offset: number;
  color: string;
}

export interface LinearGradient {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  stops: GradientStop[];
}

/** Splits at `sep` outside parentheses: "a(b, c), d" gives ["a(b, c)", "d"]. */
export function splitTopLevel(text: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch === sep) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last || out.length) out.push(last);
  return out.filter((s) => s !== '');
}

const SIDES: Record<string, [number, number]> = { top: [0, -1], bottom: [0, 1], left: [-1, 0], right: [1, 0] };

/** The CSS angle (radians, 0 up, clockwise) of a direction argument, for a box of `w`×`h`; null if it is not one. */
export function gradientAngle(arg: string, w: number, h: number): number | null {
  const a = arg.trim().toLowerCase();
  const unit = /^(-?[\d.]+(?:e-?\d+)?)(deg|rad|turn|grad)$/.exec(a);
  if (unit) {
    const v = Number(unit[1]);
    return unit[2] === 'deg' ? (v * Math.PI) / 180 : unit[2] === 'rad' ? v : unit[2] === 'turn' ? v * 2 * Math.PI : (v * Math.PI) / 200;
  }
  const to = /^to\s+([a-z]+)(?:\s+([a-z]+))?$/.exec(a);
  if (!to) return null;
  const d1 = SIDES[to[1]];
  const d2 = to[2] ? SIDES[to[2]] : [0, 0];
  if (!d1 || !d2) return null;
  const dx = d1[0] + d2[0];
  const dy = d1[1] + d2[1];
  if (dx !== 0 && dy !== 0) {
    // A corner: perpendicular to the diagonal that joins the other two corners, pointing to this one.
    return Math.atan2(dx * h, -dy * w);
  }
  return Math.atan2(dx, -dy);
}

/** The colour at the start of a stop argument and the positions after it ("rgb(1, 2, 3) 10% 20px"). */
function splitStop(arg: string): { color: string; positions: string[] } | null {
  const m = /^[a-z-]+\(/i.exec(arg);
  let color: string;
  let rest: string;
  if (m) {
    let depth = 0;
    let end = -1;
    for (let i = 0; i < arg.length; i++) {
      if (arg[i] === '(') depth++;
      else if (arg[i] === ')' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end < 0) return null;
    color = arg.slice(0, end);
    rest = arg.slice(end);
  } else {
    const sp = arg.search(/\s/);
    color = sp < 0 ? arg : arg.slice(0, sp);
    rest = sp < 0 ? '' : arg.slice(sp);
  }
  // A lone position is a colour hint, not a stop.
  if (/^-?[\d.]/.test(color)) return null;
  return { color, positions: rest.trim() ? rest.trim().split(/\s+/) : [] };
}

/** A position along a line of `length` px as a fraction; null for what cannot be resolved here (calc()). */
function fraction(pos: string, length: number): number | null {
  const m = /^(-?[\d.]+(?:e-?\d+)?)(%|px)?$/.exec(pos);
  if (!m) return null;
  const v = Number(m[1]);
  if (m[2] === '%') return v / 100;
  if (m[2] === 'px' || v === 0) return length > 0 ? v / length : 0;
  return null;
}

/**
 * One background layer, `linear-gradient(…)` or `repeating-linear-gradient(…)`,
 * laid on a box of `w`×`h` at the origin; null for any other image. Colour
 * hints are dropped (the stops around them are joined by a straight blend).
 */
export function linearGradient(layer: string, w: number, h: number): LinearGradient | null {
  const m = /^(repeating-)?linear-gradient\(([\s\S]*)\)$/i.exec(layer.trim());
  if (!m || !(w > 0) || !(h > 0)) return null;
  const args = splitTopLevel(m[2]);
  let angle = gradientAngle(args[0] ?? '', w, h);
  if (angle === null) angle = Math.PI;
  else args.shift();
  const dx = Math.sin(angle);
  const dy = -Math.cos(angle);
  const length = Math.abs(w * dx) + Math.abs(h * dy);
  const raw: { color: string; at: number | null }[] = [];
  for (const arg of args) {
    const stop = splitStop(arg);
    if (!stop) continue;
    if (stop.positions.length === 0) raw.push({ color: stop.color, at: null });
    for (const p of stop.positions.slice(0, 2)) raw.push({ color: stop.color, at: fraction(p, length) });
  }
  if (raw.length === 0) return null;
  // CSS's fix-up: the ends default to 0 and 1, no stop goes back before an earlier one, and stops without
  // a position are spread evenly between their neighbours.
  if (raw[0].at === null) raw[0].at = 0;
  if (raw.length > 1 && raw[raw.length - 1].at === null) raw[raw.length - 1].at = 1;
  let max = -Infinity;
  for (const s of raw)
    if (s.at !== null) {
      s.at = Math.max(s.at, max);
      max = s.at;
    }
  for (let i = 0; i < raw.length; i++) {
    if (raw[i].at !== null) continue;
    let j = i;
    while (raw[j].at === null) j++;
    const a = raw[i - 1].at!;
    const b = raw[j].at!;
    for (let k = i; k < j; k++) raw[k].at = a + ((b - a) * (k - i + 1)) / (j - i + 1);
    i = j;
  }
  let stops: GradientStop[] = raw.map((s) => ({ offset: s.at!, color: s.color }));
  if (m[1]) stops = repeatStops(stops);
  const cx = w / 2;
  const cy = h / 2;
  return {
    x0: cx - (dx * length) / 2,
    y0: cy - (dy * length) / 2,
    x1: cx + (dx * length) / 2,
    y1: cy + (dy * length) / 2,
    stops: stops.map((s) => ({ offset: Math.min(1, Math.max(0, s.offset)), color: s.color })),
  };
}

/** A repeating gradient's stops tiled over [0, 1] (a canvas gradient does not repeat). */
function repeatStops(stops: GradientStop[]): GradientStop[] {
  const first = stops[0].offset;
  const period = stops[stops.length - 1].offset - first;
  if (!(period > 1e-4)) return stops;
  const out: GradientStop[] = [];
  const k0 = Math.floor((0 - first) / period);
  const k1 = Math.ceil((1 - first) / period);
  // Bounded: a 1px period over a 2,000px line is 2,000 tiles, far more than any legend needs.
  for (let k = k0; k <= k1 && out.length < 8192; k++)
    for (const s of stops) {
      const offset = s.offset + k * period;
      if (offset >= -1e-9 && offset <= 1 + 1e-9) out.push({ offset, color: s.color });
    }
  return out.length ? out : stops;
}
