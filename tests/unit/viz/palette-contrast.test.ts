/**
 * The chart colours against the backgrounds they are drawn on, with WCAG 2.1's
 * contrast formula: marks (lines, dots, bars) need 3:1 (1.4.11), text 4.5:1
 * (1.4.3). The backgrounds are site/styles.css's --paper and --paper-2.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { PAIR, PAIR_TEXT, ROLE, ROLE_TEXT, roleTex } from '../../../src/viz/palette';

const lum = (hex: string) => {
  const c = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(c.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

const css = readFileSync(new URL('../../../site/styles.css', import.meta.url), 'utf8');
const token = (name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`no --${name} in styles.css`);
  return m[1];
};
const BACKGROUNDS = { paper: token('paper'), 'paper-2': token('paper-2'), 'accent-soft': token('accent-soft') };

describe('contrast of the colour tokens and chart palette', () => {
  it('pins the formula to WCAG’s own endpoints', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(['ink', 'ink-soft', 'muted', 'link', 'accent', 'bad', 'ok'])('text colour --%s reads at 4.5:1 on every background', (name) => {
    for (const bg of Object.values(BACKGROUNDS)) expect(contrast(token(name), bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('status marks (--ok, --warn) reach 3:1 on the page', () => {
    for (const name of ['ok', 'warn', 'bad']) expect(contrast(token(name), BACKGROUNDS.paper)).toBeGreaterThanOrEqual(3);
  });

  it('the pair that tells two series apart reaches 3:1 as marks and 4.5:1 as text, on paper and the figure background', () => {
    for (const bg of [BACKGROUNDS.paper, BACKGROUNDS['paper-2']]) {
      for (const c of Object.values(PAIR)) expect(contrast(c, bg)).toBeGreaterThanOrEqual(3);
      for (const c of Object.values(PAIR_TEXT)) expect(contrast(c, bg)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('symbols coloured by role in equations read at 4.5:1 on paper and the figure background, in their role’s hue', () => {
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      if (d === 0) return 0;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    for (const [role, text] of Object.entries(ROLE_TEXT)) {
      for (const bg of [BACKGROUNDS.paper, BACKGROUNDS['paper-2']]) expect(contrast(text, bg), role).toBeGreaterThanOrEqual(4.5);
      // Darkened, not another colour: the reader matches it with the figure's marks.
      const d = Math.abs(hue(text) - hue(ROLE[role as keyof typeof ROLE_TEXT]));
      expect(Math.min(d, 360 - d), role).toBeLessThan(8);
    }
  });

  it('KaTeX draws a role-coloured symbol in that colour', () => {
    const html = katex.renderToString(roleTex('noise', String.raw`\varepsilon`), { throwOnError: true });
    expect(html).toContain(`color:${ROLE_TEXT.noise}`);
  });
});
