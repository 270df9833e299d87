/**
 * The course's colour roles: one colour per role in every lesson, marks that
 * read on the page, and roles shown together that stay apart for readers with
 * the common colour-vision deficiencies. Simulation: Machado, Oliveira &
 * Fernandes (2009), severity 1, on linear sRGB; distance: CIE 1976 ΔE*ab.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURE_ROLES, OKABE_ITO, ROLE, TRIO, type Role } from '../../../src/viz/palette';
import { lessonFigures } from '../../../lessons/figures';

type RGB = [number, number, number];
const lin = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string): RGB => [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255)) as RGB;

// Machado et al. (2009), table of severity 1.0.
const SIM: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};
const simulate = (c: RGB, m: number[][]): RGB => m.map((r) => Math.min(1, Math.max(0, r[0] * c[0] + r[1] * c[1] + r[2] * c[2]))) as RGB;

const lab = ([r, g, b]: RGB): RGB => {
  const X = 0.4124 * r + 0.3576 * g + 0.1805 * b;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(X / 0.95047), f(Y), f(Z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
};
const deltaE = (a: RGB, b: RGB) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const distance = (a: string, b: string, vision: string) => deltaE(lab(simulate(rgb(a), SIM[vision])), lab(simulate(rgb(b), SIM[vision])));

const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const css = readFileSync(new URL('../../../site/styles.css', import.meta.url), 'utf8');
const token = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css)![1];

// Roles a figure shows together must differ by at least this much for every reader:
// ΔE ≈ 2.3 is a just-noticeable difference; 15 keeps two thin lines apart at a glance.
const APART = 15;

describe('colour-vision simulation and colour distance', () => {
  it('leaves greys grey and moves pure red and green together under deuteranopia', () => {
    for (const m of Object.values(SIM)) for (const row of m) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(distance('#777777', '#777777', 'deuteranopia')).toBe(0);
    // Red and green, far apart to most readers, come close for a deuteranope.
    expect(distance('#D00000', '#00A000', 'normal')).toBeGreaterThan(80);
    expect(distance('#D00000', '#00A000', 'deuteranopia')).toBeLessThan(40);
    expect(deltaE(lab([1, 1, 1]), [100, 0, 0])).toBeLessThan(0.05);
  });
});

describe('the colour roles', () => {
  it('lists only figures that exist', () => {
    const ids = new Set(Object.values(lessonFigures).flat());
    for (const id of Object.keys(FIGURE_ROLES)) expect(ids.has(id), id).toBe(true);
  });

  it.each(Object.entries(ROLE))('%s (%s) reads as a mark, 3:1, on the page and the figure background', (_role, colour) => {
    for (const bg of [token('paper'), token('paper-2')]) expect(contrast(colour, bg)).toBeGreaterThanOrEqual(3);
  });

  const pairs = Object.entries(FIGURE_ROLES).flatMap(([fig, roles]) =>
    roles.flatMap((a, i) => roles.slice(i + 1).map((b) => [fig, a, b] as [string, Role, Role])),
  );
  it.each(pairs)('%s: %s and %s never share a colour, and stay apart under protanopia and deuteranopia', (_fig, a, b) => {
    expect(ROLE[a].toLowerCase()).not.toBe(ROLE[b].toLowerCase());
    for (const vision of Object.keys(SIM)) expect(distance(ROLE[a], ROLE[b], vision), vision).toBeGreaterThanOrEqual(APART);
  });

  it('tells the traced pixels apart the same way', () => {
    for (let i = 0; i < TRIO.length; i++)
      for (let j = i + 1; j < TRIO.length; j++) for (const vision of Object.keys(SIM)) expect(distance(TRIO[i], TRIO[j], vision)).toBeGreaterThanOrEqual(APART);
  });

  it('keeps data, noise and prediction each in one colour of their own, used by no other role', () => {
    for (const role of ['data', 'noise', 'prediction'] as const) {
      const others = (Object.keys(ROLE) as Role[]).filter((r) => r !== role && ROLE[r] === ROLE[role]);
      // The one exception by design: the loss measures the prediction, and the model after a change is the prediction.
      expect(others.filter((r) => !['loss', 'after'].includes(r)), role).toEqual([]);
    }
  });

  it('is the only place a widget takes a chart colour from: no widget writes a role or Okabe–Ito hex of its own', () => {
    const hexes = new Set([...Object.values(ROLE), ...OKABE_ITO, ...TRIO].map((h) => h.toLowerCase()));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(svelte|ts)$/.test(f)) files.push(p);
      }
    };
    walk('src/widgets');
    walk('lessons');
    const found = files.flatMap((f) => (readFileSync(f, 'utf8').match(/#[0-9a-fA-F]{6}\b/g) ?? []).filter((h) => hexes.has(h.toLowerCase())).map((h) => `${f}: ${h}`));
    expect(found).toEqual([]);
  });
});
