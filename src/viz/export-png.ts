/**
 * "Save PNG": a figure as it is on screen, composed from its DOM onto one
 * canvas at 2× pixel density, with a footer line that names the figure and the
 * lesson URL (with the reader's state) it came from.
 *
 * No html-to-image library: they clone the whole subtree into an SVG
 * foreignObject, which taints the canvas in some browsers and loses the
 * canvases' pixels. Here every canvas, image and chart is drawn at its own
 * bounding box, and text is drawn word by word where the browser laid it out
 * (canvas text uses the page's loaded fonts, KaTeX's included). CSS linear
 * gradients (colour bars, legend ramps, the time arrows) are drawn as canvas
 * gradients (src/viz/css-gradient.ts). What is not drawn: shadows, radial
 * gradients, gradients sized with background-size, and pseudo-elements.
 * Nothing is requested from any origin.
 */
import { m } from '../i18n/messages';

import { linearGradient, splitTopLevel } from './css-gradient';

/** User-visible strings of the export controls, from the message catalogues (messages/<locale>.json). */
export const EXPORT_TEXT = {
  get savePng() { return m.export_save_png(); },
  savePngLabel: (title: string) => m.export_save_png_label({ title }),
  get saveGif() { return m.export_save_gif(); },
  saveGifLabel: (title: string) => m.export_save_gif_label({ title }),
  get working() { return m.export_working(); },
  encoding: (percent: number) => m.export_encoding({ percent }),
  saved: (name: string) => m.export_saved({ name }),
  failed: (message: string) => m.export_failed({ message }),
  get noFrames() { return m.export_no_frames(); },
  get from() { return m.export_from(); },
} as const;

/** Height of the footer line, in CSS pixels (the PNG has it at the same density as the figure). */
export const FOOTER_CSS_PX = 28;
export const EXPORT_SCALE = 2;

export interface Box {
  width: number;
  height: number;
}

/** Pixel size of the exported PNG: the figure's box plus the footer, at `scale`. */
export function exportSize(box: Box, scale = EXPORT_SCALE): { width: number; height: number } {
  return { width: Math.round(box.width * scale), height: Math.round((box.height + FOOTER_CSS_PX) * scale) };
}

/** `lesson-slug-figure-id.png`, safe on every file system. */
export function exportFileName(page: string, figureId: string, ext: 'png' | 'gif'): string {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return [clean(page), clean(figureId)].filter(Boolean).join('-') + '.' + ext;
}

/** The lesson URL with the reader's state and this figure's anchor. */
export function figureUrl(href: string, anchor: string): string {
  const u = new URL(href);
  u.hash = anchor;
  return u.href;
}

/**
 * The footer text fitted to `maxWidth`: "title · url". The URL is what makes
 * the picture reproducible, so it is kept whole while the font can shrink, and
 * the title is shortened with an ellipsis first.
 */
export function fitFooter(
  title: string,
  url: string,
  maxWidth: number,
  measure: (text: string, px: number) => number,
  sizes: readonly number[] = [12, 11, 10, 9],
): { text: string; px: number } {
  const join = (t: string) => (t ? `${t} · ${url}` : url);
  for (const px of sizes) if (measure(join(title), px) <= maxWidth) return { text: join(title), px };
  const px = sizes[sizes.length - 1];
  let t = title;
  while (t.length > 0 && measure(join(t + '…'), px) > maxWidth) t = t.slice(0, -1).trimEnd();
  return { text: t ? join(t + '…') : url, px };
}

// ---------------------------------------------------------------- DOM

const SKIP = '[data-export-skip]';

function visible(el: Element, style: CSSStyleDeclaration): boolean {
  if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) <= 0.01 || el.getClientRects().length === 0) return false;
  // Screen-reader-only text (a 1 px box that hides its overflow) is not on screen.
  const r = el.getBoundingClientRect();
  return !(r.width <= 1 && r.height <= 1 && style.overflow !== 'visible');
}

function transparent(color: string): boolean {
  return color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color);
}

function fontOf(s: CSSStyleDeclaration): string {
  return `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
}

/** An SVG chart (Observable Plot, d3) as an image: serialised with the colour and font it inherits on the page. */
function svgImage(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const s = getComputedStyle(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.color = s.color;
  clone.style.fontFamily = s.fontFamily;
  clone.style.fontSize = s.fontSize;
  const src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(clone));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('a chart could not be rasterised'));
    img.src = src;
  });
}

interface Ctx {
  g: CanvasRenderingContext2D;
  ox: number;
  oy: number;
  /** Charts rasterised before the walk, so that the walk draws everything in page order. */
  charts: Map<SVGSVGElement, HTMLImageElement>;
}

function drawBox(c: Ctx, el: Element, s: CSSStyleDeclaration) {
  const r = el.getBoundingClientRect();
  const x = r.left - c.ox;
  const y = r.top - c.oy;
  if (!transparent(s.backgroundColor)) {
    c.g.fillStyle = s.backgroundColor;
    c.g.fillRect(x, y, r.width, r.height);
  }
  if (s.backgroundImage && s.backgroundImage !== 'none') drawGradients(c, s, x, y, r.width, r.height);
  // Each side on its own: legends' line keys, table rules and dividers are one-sided borders.
  const sides = [
    [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, (w: number) => [x, y, r.width, w]],
    [s.borderBottomWidth, s.borderBottomStyle, s.borderBottomColor, (w: number) => [x, y + r.height - w, r.width, w]],
    [s.borderLeftWidth, s.borderLeftStyle, s.borderLeftColor, (w: number) => [x, y, w, r.height]],
    [s.borderRightWidth, s.borderRightStyle, s.borderRightColor, (w: number) => [x + r.width - w, y, w, r.height]],
  ] as const;
  for (const [width, style, color, rect] of sides) {
    const w = parseFloat(width);
    if (!(w > 0) || style === 'none' || style === 'hidden' || transparent(color)) continue;
    c.g.fillStyle = color;
    const [rx, ry, rw, rh] = rect(w);
    c.g.fillRect(rx, ry, rw, rh);
  }
}

/**
 * The box's linear-gradient background layers, bottom layer first, over its
 * padding box (where CSS lays a background image) and within its rounded
 * corners. Layers sized with background-size are left out: they are tiles or
 * effects (scroll shadows), not a ramp across the box.
 */
function drawGradients(c: Ctx, s: CSSStyleDeclaration, x: number, y: number, width: number, height: number) {
  const layers = splitTopLevel(s.backgroundImage);
  const sizes = splitTopLevel(s.backgroundSize);
  const bl = parseFloat(s.borderLeftWidth) || 0;
  const bt = parseFloat(s.borderTopWidth) || 0;
  const px = x + bl;
  const py = y + bt;
  const pw = width - bl - (parseFloat(s.borderRightWidth) || 0);
  const ph = height - bt - (parseFloat(s.borderBottomWidth) || 0);
  const g = c.g;
  for (let i = layers.length - 1; i >= 0; i--) {
    const size = sizes.length ? sizes[i % sizes.length] : 'auto';
    if (size !== 'auto' && size !== 'auto auto') continue;
    const line = linearGradient(layers[i], pw, ph);
    if (!line || line.stops.length === 0) continue;
    let fill: CanvasGradient;
    try {
      fill = g.createLinearGradient(px + line.x0, py + line.y0, px + line.x1, py + line.y1);
      for (const stop of line.stops) fill.addColorStop(stop.offset, stop.color);
    } catch {
      // A colour the canvas cannot parse: leave this layer out rather than the whole picture.
      continue;
    }
    g.save();
    g.beginPath();
    const radii = [s.borderTopLeftRadius, s.borderTopRightRadius, s.borderBottomRightRadius, s.borderBottomLeftRadius].map((v) => parseFloat(v) || 0);
    if (radii.some((v) => v > 0)) g.roundRect(x, y, width, height, radii);
    else g.rect(x, y, width, height);
    g.clip();
    g.fillStyle = fill;
    g.fillRect(px, py, pw, ph);
    g.restore();
  }
}

/** Form controls have no text nodes for their values: draw what they show. */
function drawControl(c: Ctx, el: Element, s: CSSStyleDeclaration) {
  const r = el.getBoundingClientRect();
  const x = r.left - c.ox;
  const y = r.top - c.oy;
  const g = c.g;
  if (el instanceof HTMLInputElement && el.type === 'range') {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    const f = max > min ? (Number(el.value) - min) / (max - min) : 0;
    const rad = Math.min(8, r.height / 2);
    const cy = y + r.height / 2;
    const left = x + rad;
    const span = Math.max(0, r.width - 2 * rad);
    g.fillStyle = '#c8c6bd';
    g.fillRect(left, cy - 2, span, 4);
    g.fillStyle = s.accentColor && s.accentColor !== 'auto' ? s.accentColor : '#1f5fae';
    g.fillRect(left, cy - 2, span * f, 4);
    g.beginPath();
    g.arc(left + span * f, cy, rad, 0, 2 * Math.PI);
    g.fill();
  } else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    g.strokeStyle = s.color;
    g.lineWidth = 1.5;
    g.strokeRect(x + 1, y + 1, r.width - 2, r.height - 2);
    if (el.checked) {
      g.fillStyle = s.accentColor && s.accentColor !== 'auto' ? s.accentColor : '#1f5fae';
      g.fillRect(x + 3, y + 3, r.width - 6, r.height - 6);
    }
  } else {
    const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : (el as HTMLInputElement | HTMLTextAreaElement).value;
    drawBox(c, el, s);
    if (!text) return;
    g.save();
    g.beginPath();
    g.rect(x, y, r.width, r.height);
    g.clip();
    g.font = fontOf(s);
    g.fillStyle = s.color;
    g.textBaseline = 'middle';
    g.fillText(text, x + parseFloat(s.paddingLeft || '0') + parseFloat(s.borderLeftWidth || '0'), y + r.height / 2);
    g.restore();
  }
}

const WORD = /\S+/g;

/** Each word where the browser laid it out (a word can wrap between lines, so words, not nodes). */
function drawText(c: Ctx, node: Text, s: CSSStyleDeclaration) {
  const text = node.data;
  if (!text.trim()) return;
  const g = c.g;
  g.font = fontOf(s);
  g.fillStyle = s.color;
  g.textBaseline = 'middle';
  const range = document.createRange();
  for (const m of text.matchAll(WORD)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const rects = range.getClientRects();
    if (rects.length === 0) continue;
    const r = rects[0];
    if (r.width === 0) continue;
    const word = s.textTransform === 'uppercase' ? m[0].toUpperCase() : m[0];
    // The browser's box is the truth for width; scale the glyphs if canvas metrics differ slightly.
    const w = g.measureText(word).width;
    g.fillText(word, r.left - c.ox, r.top + r.height / 2 - c.oy, w > r.width * 1.15 ? r.width * 1.15 : undefined);
  }
  range.detach();
}

function walk(c: Ctx, el: Element) {
  if (el.matches(SKIP)) return;
  const s = getComputedStyle(el);
  if (!visible(el, s)) return;
  if (el instanceof HTMLCanvasElement) {
    const r = el.getBoundingClientRect();
    c.g.save();
    c.g.imageSmoothingEnabled = s.imageRendering !== 'pixelated' && s.imageRendering !== 'crisp-edges';
    if (!transparent(s.backgroundColor)) {
      c.g.fillStyle = s.backgroundColor;
      c.g.fillRect(r.left - c.ox, r.top - c.oy, r.width, r.height);
    }
    if (el.width > 0 && el.height > 0) c.g.drawImage(el, r.left - c.ox, r.top - c.oy, r.width, r.height);
    c.g.restore();
    return;
  }
  if (el instanceof HTMLImageElement) {
    const r = el.getBoundingClientRect();
    if (el.complete && el.naturalWidth > 0) c.g.drawImage(el, r.left - c.ox, r.top - c.oy, r.width, r.height);
    return;
  }
  if (el instanceof SVGSVGElement) {
    const img = c.charts.get(el);
    const r = el.getBoundingClientRect();
    if (img) c.g.drawImage(img, r.left - c.ox, r.top - c.oy, r.width, r.height);
    return;
  }
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    if (el instanceof HTMLInputElement && el.type === 'hidden') return;
    drawControl(c, el, s);
    return;
  }
  drawBox(c, el, s);
  // What overflows a clipping box is not on screen (scrolled panes, visually hidden labels).
  const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible' || (s.clip !== 'auto' && s.clip !== '') || s.clipPath !== 'none';
  if (clips) {
    const r = el.getBoundingClientRect();
    c.g.save();
    c.g.beginPath();
    c.g.rect(r.left - c.ox, r.top - c.oy, r.width, r.height);
    c.g.clip();
  }
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) drawText(c, child as Text, s);
    else if (child.nodeType === Node.ELEMENT_NODE) walk(c, child as Element);
  }
  if (clips) c.g.restore();
}

/** Outermost SVGs only: a chart's inner <svg> elements travel inside its image. */
function outerCharts(root: Element): SVGSVGElement[] {
  return [...root.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg') && !svg.closest(SKIP));
}

export interface ComposeOptions {
  title: string;
  url: string;
  scale?: number;
}

/**
 * The figure `root` drawn onto a new canvas of exportSize(root's box): its
 * background, boxes, text, controls, canvases, images and charts where they
 * are on screen, then the footer line. Elements marked data-export-skip (the
 * export buttons themselves) are left out.
 */
export async function composeFigure(root: HTMLElement, { title, url, scale = EXPORT_SCALE }: ComposeOptions): Promise<HTMLCanvasElement> {
  await document.fonts?.ready;
  const box = root.getBoundingClientRect();
  const charts = new Map<SVGSVGElement, HTMLImageElement>();
  await Promise.all(
    outerCharts(root).map(async (svg) => {
      const r = svg.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) charts.set(svg, await svgImage(svg, r.width, r.height));
    }),
  );
  const size = exportSize(box, scale);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.scale(scale, scale);
  const rootStyle = getComputedStyle(root);
  g.fillStyle = transparent(rootStyle.backgroundColor) ? '#ffffff' : rootStyle.backgroundColor;
  g.fillRect(0, 0, box.width, box.height + FOOTER_CSS_PX);
  g.save();
  g.beginPath();
  g.rect(0, 0, box.width, box.height);
  g.clip();
  walk({ g, ox: box.left, oy: box.top, charts }, root);
  g.restore();
  drawFooter(g, box, title, url, rootStyle);
  return canvas;
}

function drawFooter(g: CanvasRenderingContext2D, box: Box, title: string, url: string, s: CSSStyleDeclaration) {
  const pad = 10;
  const family = getComputedStyle(document.body).getPropertyValue('--sans').trim() || 'sans-serif';
  const fit = fitFooter(title, url, box.width - 2 * pad, (text, px) => {
    g.font = `500 ${px}px ${family}`;
    return g.measureText(text).width;
  });
  g.fillStyle = '#ffffff';
  g.fillRect(0, box.height, box.width, FOOTER_CSS_PX);
  g.fillStyle = s.borderTopColor && !transparent(s.borderTopColor) ? s.borderTopColor : '#e2e0d8';
  g.fillRect(0, box.height, box.width, 1);
  g.font = `500 ${fit.px}px ${family}`;
  g.fillStyle = '#3b4458';
  g.textBaseline = 'middle';
  g.fillText(fit.text, pad, box.height + FOOTER_CSS_PX / 2);
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}

/** Hands a blob to the browser as a download, without leaving the page. */
export function downloadBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
