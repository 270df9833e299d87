/**
 * Settles the colour-contrast checks axe leaves undecided (text in SVG charts,
 * short glyphs, text over images and canvases): for each such element, the
 * text colour against what is really behind it, its ancestors' background
 * colours composited over the page, and, where an image or a canvas lies
 * under the text, every pixel of it under the text's box (the worst pixel
 * counts). WCAG's threshold is 4.5:1, or 3:1 for large text.
 */
import type { Frame, Page } from 'playwright-core';

export interface ContrastVerdict {
  selector: string;
  ratio: number;
  needed: number;
  overImage: boolean;
}

export function settleContrast(page: Page | Frame, selectors: string[]): Promise<ContrastVerdict[]> {
  return page.evaluate((sels) => {
    type C = { r: number; g: number; b: number; a: number };
    const parse = (s: string): C | null => {
      const m = /rgba?\(([^)]+)\)/.exec(s);
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const over = (top: C, bottom: C): C => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const lum = (c: C) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const ratio = (a: C, b: C) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const out: { selector: string; ratio: number; needed: number; overImage: boolean }[] = [];
    for (const selector of sels) {
      const el = document.querySelector(selector);
      if (!el) continue;
      const cs = getComputedStyle(el);
      const fg = parse(el instanceof SVGElement ? cs.fill : cs.color);
      if (!fg) continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      fg.a *= opacity;
      const layers: C[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) {
          layers.push(c);
          if (c.a >= 1) break;
        }
      }
      let bg: C = { r: 255, g: 255, b: 255, a: 1 };
      for (const c of layers.reverse()) bg = over(c, bg);
      const size = parseFloat(cs.fontSize);
      const bold = Number(cs.fontWeight) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      el.scrollIntoView({ block: 'center' });
      const box = el.getBoundingClientRect();
      let worst = ratio(over(fg, bg), bg);
      let overImage = false;
      if (box.width > 0 && box.height > 0) {
        const under = document
          .elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)
          .filter((u) => (u instanceof HTMLCanvasElement || u instanceof HTMLImageElement) && !u.contains(el));
        for (const img of under) {
          overImage = true;
          const ib = img.getBoundingClientRect();
          const w = (img as HTMLCanvasElement).width || (img as HTMLImageElement).naturalWidth;
          const h = (img as HTMLCanvasElement).height || (img as HTMLImageElement).naturalHeight;
          const c = document.createElement('canvas');
          c.width = w;
          c.height = h;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img as CanvasImageSource, 0, 0);
          const x0 = Math.max(0, Math.floor(((box.left - ib.left) / ib.width) * w));
          const y0 = Math.max(0, Math.floor(((box.top - ib.top) / ib.height) * h));
          const x1 = Math.min(w, Math.ceil(((box.right - ib.left) / ib.width) * w));
          const y1 = Math.min(h, Math.ceil(((box.bottom - ib.top) / ib.height) * h));
          if (x1 <= x0 || y1 <= y0) continue;
          const d = ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data;
          for (let i = 0; i < d.length; i += 4) {
            const px = over({ r: d[i], g: d[i + 1], b: d[i + 2], a: d[i + 3] / 255 }, bg);
            worst = Math.min(worst, ratio(over(fg, px), px));
          }
        }
      }
      out.push({ selector, ratio: Math.round(worst * 100) / 100, needed, overImage });
    }
    return out;
  }, selectors);
}
