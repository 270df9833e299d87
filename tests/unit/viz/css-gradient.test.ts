import { describe, expect, it } from 'vitest';
import { gradientAngle, linearGradient, splitTopLevel } from '../../../src/viz/css-gradient';

const deg = (r: number | null) => (r === null ? null : (((r * 180) / Math.PI) % 360 + 360) % 360);

describe('CSS linear gradients for the canvas', () => {
  it('splits arguments at commas outside parentheses', () => {
    expect(splitTopLevel('to right, rgb(0, 0, 0) 0%, rgba(1, 2, 3, 0.5) 50%')).toEqual(['to right', 'rgb(0, 0, 0) 0%', 'rgba(1, 2, 3, 0.5) 50%']);
    expect(splitTopLevel('linear-gradient(a, b), url(x)')).toEqual(['linear-gradient(a, b)', 'url(x)']);
  });

  it('reads angles and sides as CSS does (0deg up, clockwise)', () => {
    expect(deg(gradientAngle('90deg', 10, 10))).toBeCloseTo(90, 9);
    expect(deg(gradientAngle('0.25turn', 10, 10))).toBeCloseTo(90, 9);
    expect(deg(gradientAngle('to right', 10, 10))).toBeCloseTo(90, 9);
    expect(deg(gradientAngle('to bottom', 10, 10))).toBeCloseTo(180, 9);
    expect(deg(gradientAngle('to left', 10, 10))).toBeCloseTo(270, 9);
    expect(deg(gradientAngle('to top', 10, 10))).toBeCloseTo(0, 9);
    // Corners of a square are the diagonals; of a 400×100 box, the line is perpendicular to the other diagonal.
    expect(deg(gradientAngle('to top right', 50, 50))).toBeCloseTo(45, 9);
    expect(deg(gradientAngle('to bottom left', 50, 50))).toBeCloseTo(225, 9);
    expect(deg(gradientAngle('to top right', 400, 100))).toBeCloseTo((Math.atan2(100, 400) * 180) / Math.PI, 9);
    expect(gradientAngle('rgb(0, 0, 0)', 10, 10)).toBeNull();
  });

  it('puts the line through the centre, its ends on the box for sides and past the corners for angles', () => {
    const g = linearGradient('linear-gradient(to right, rgb(0, 0, 0), rgb(255, 255, 255))', 200, 8)!;
    expect([g.x0, g.y0, g.x1, g.y1].map((v) => +v.toFixed(9) || 0)).toEqual([0, 4, 200, 4]);
    expect(g.stops).toEqual([
      { offset: 0, color: 'rgb(0, 0, 0)' },
      { offset: 1, color: 'rgb(255, 255, 255)' },
    ]);
    // 45deg on a 100×100 square: length 100·sin45 + 100·cos45 = 100√2, so the ends lie past the corners.
    const d = linearGradient('linear-gradient(45deg, red, blue)', 100, 100)!;
    expect(Math.hypot(d.x1 - d.x0, d.y1 - d.y0)).toBeCloseTo(100 * Math.SQRT2, 9);
    expect(d.x1).toBeCloseTo(100, 9);
    expect(d.y1).toBeCloseTo(0, 9);
    // No direction: to bottom.
    const down = linearGradient('linear-gradient(red, blue)', 30, 60)!;
    expect([down.x0, down.y0, down.x1, down.y1].map((v) => +v.toFixed(9) || 0)).toEqual([15, 0, 15, 60]);
  });

  it('resolves positions: percentages, pixels, missing ones spread evenly, none going backwards', () => {
    const g = linearGradient('linear-gradient(90deg, rgb(1, 1, 1) 10%, rgb(2, 2, 2), rgb(3, 3, 3), rgb(4, 4, 4) 40px, rgb(5, 5, 5) 20%)', 200, 10)!;
    expect(g.stops.map((s) => +s.offset.toFixed(9))).toEqual([0.1, 0.133333333, 0.166666667, 0.2, 0.2]);
    // Two positions on one colour make a band; a lone colour hint is dropped.
    const band = linearGradient('linear-gradient(to right, rgb(9, 9, 9) 25% 75%, 80%, rgb(0, 0, 0))', 100, 1)!;
    expect(band.stops).toEqual([
      { offset: 0.25, color: 'rgb(9, 9, 9)' },
      { offset: 0.75, color: 'rgb(9, 9, 9)' },
      { offset: 1, color: 'rgb(0, 0, 0)' },
    ]);
  });

  it('tiles a repeating gradient over the whole line', () => {
    // A dashed legend key: 4px of colour, 3px gap, over 70px: ten dashes.
    const g = linearGradient('repeating-linear-gradient(90deg, rgb(1, 2, 3) 0px, rgb(1, 2, 3) 4px, rgba(0, 0, 0, 0) 4px, rgba(0, 0, 0, 0) 7px)', 70, 2)!;
    const dashStarts = g.stops.filter((s, i) => s.offset < 1 && s.color === 'rgb(1, 2, 3)' && (i === 0 || g.stops[i - 1].color !== s.color));
    expect(dashStarts.length).toBe(10);
    expect(dashStarts.map((s) => Math.round(s.offset * 70))).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56, 63]);
    expect(g.stops.every((s, i) => i === 0 || s.offset >= g.stops[i - 1].offset)).toBe(true);
  });

  it('ignores what is not a linear gradient', () => {
    expect(linearGradient('url("x.png")', 10, 10)).toBeNull();
    expect(linearGradient('radial-gradient(red, blue)', 10, 10)).toBeNull();
    expect(linearGradient('linear-gradient(to right, red, blue)', 0, 10)).toBeNull();
  });
});
