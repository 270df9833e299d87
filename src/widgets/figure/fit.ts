/**
 * Presenter mode's fit to the screen. The figure's text and controls keep the
 * projector's size (1rem is --pu, 24px, on screen, and no text in the figure
 * is smaller: site/styles.css and Figure.svelte), and only what is drawn at a
 * fixed pixel size (canvases, charts, images) shrinks until the whole body
 * fits the space between the presenter's bar and the caption.
 *
 * How: the body is laid out at scale s with the root font size set to
 * --pu / s (the --present-scale property) and a width of the space available / s, then scaled by
 * s as one picture. Text and everything sized in rem or em come back to their
 * projector size; pixel-sized drawings come out s times smaller. The largest s
 * at which the body fits is found by bisection. Where the text alone cannot
 * fit (a long column of settings), the drawings are fitted instead: the
 * largest s at which each of them shows whole in the body's height; the body
 * scrolls, and is scrolled to the first of them; every control keeps its
 * projector size and is reached by scrolling or by Tab.
 * Re-measured whenever the window or the body's content changes size (a scene
 * that shows another panel, a chart that finishes drawing).
 */
import { largestFit } from './presenter-logic';

/** A drawing at least this big on screen (CSS px, both ways) is a picture the room looks at. */
const PICTURE_PX = 64;

/** Below this, a figure's drawings would be too small to read: its body scrolls instead. */
export const MIN_DRAWING_SCALE = 0.35;
/** Drawings smaller than this (CSS px, unscaled) on both sides are icons, not the figure's picture. */
const ICON_PX = 48;

/**
 * Fits `inner` into `outer` (whose size is the space available, whatever
 * inner's size: see Figure.svelte's presented styles). Returns the cleanup,
 * which puts `inner` back as it was.
 */
export function fitInside(outer: HTMLElement, inner: HTMLElement): () => void {
  const root = document.documentElement;
  let frame = 0;
  const apply = (s: number) => {
    root.style.setProperty('--present-scale', String(s));
    inner.style.width = `${outer.clientWidth / s}px`;
    inner.style.transform = s < 1 ? `scale(${s})` : '';
  };
  const fitsAt = (s: number) => {
    apply(s);
    // Reading sizes forces the layout at this scale; a transform leaves layout alone, so these are the unscaled sizes.
    const w = Math.max(inner.offsetWidth, inner.scrollWidth);
    const h = Math.max(inner.offsetHeight, inner.scrollHeight);
    return w * s <= outer.clientWidth + 0.5 && h * s <= outer.clientHeight + 0.5;
  };
  /** The figure's drawings, in page order: canvases, images and outermost SVGs larger than an icon (boxes on screen). */
  const drawings = (s: number): DOMRect[] => {
    const boxes: DOMRect[] = [];
    for (const el of inner.querySelectorAll('canvas, img, svg')) {
      if (el.parentElement?.closest('svg')) continue;
      const r = el.getBoundingClientRect();
      if ((r.width / s < ICON_PX && r.height / s < ICON_PX) || r.width === 0 || r.height === 0) continue;
      boxes.push(r);
    }
    return boxes;
  };
  // Where the text does not fit: the largest scale at which the body's width fits and each drawing, on its own, fits the height.
  const drawingsFitAt = (s: number) => {
    apply(s);
    if (Math.max(inner.offsetWidth, inner.scrollWidth) * s > outer.clientWidth + 0.5) return false;
    return drawings(s).every((r) => r.height <= outer.clientHeight + 0.5);
  };
  // Once the presenter scrolls, clicks or tabs inside the body, where it shows is theirs.
  let moved = false;
  const hands = () => {
    moved = true;
  };
  const HANDS = ['wheel', 'touchmove', 'pointerdown', 'focusin'] as const;
  for (const type of HANDS) outer.addEventListener(type, hands, { passive: true });
  /** Brings the first drawings (as many as fit together) into the middle of a body that scrolls, so the picture is what the room sees. */
  const anchor = () => {
    if (outer.dataset.scrolls !== 'true' || moved) return;
    const scale = Number(inner.dataset.fit) || 1;
    // Room above them for their labels (column headings of two lines, as lesson 7's grid has, and a panel title): three lines of projector text.
    const room = Math.min(outer.clientHeight / 4, 3 * (parseFloat(getComputedStyle(root).getPropertyValue('--pu')) || 24));
    // The pictures, not a thumbnail among the settings (a source image's preview sits above the panels in page order).
    const all = drawings(scale);
    const pictures = all.filter((r) => r.width >= PICTURE_PX && r.height >= PICTURE_PX);
    let box: DOMRect | null = null;
    for (const r of pictures.length ? pictures : all) {
      const next: DOMRect = box ? union(box, r) : r;
      if (box && next.height > outer.clientHeight - room) break;
      box = next;
    }
    if (!box) return;
    outer.scrollTop += box.top - outer.getBoundingClientRect().top - Math.max(room, (outer.clientHeight - box.height) / 2);
  };
  const measure = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (!(outer.clientWidth > 0 && outer.clientHeight > 0)) return;
      const whole = largestFit(fitsAt, MIN_DRAWING_SCALE);
      const { scale } = whole.fits ? whole : largestFit(drawingsFitAt, MIN_DRAWING_SCALE);
      apply(scale);
      inner.dataset.fit = scale.toFixed(3);
      outer.dataset.scrolls = String(!whole.fits);
      anchor();
    });
  };
  // Content that changes without changing the body's size (a row of images appearing beside a taller column of
  // settings) moves the drawings: they are brought back into view, which costs no new fit.
  let anchorFrame = 0;
  const mutations = new MutationObserver(() => {
    cancelAnimationFrame(anchorFrame);
    anchorFrame = requestAnimationFrame(anchor);
  });
  mutations.observe(inner, { childList: true, subtree: true });
  const observer = new ResizeObserver(measure);
  observer.observe(outer);
  observer.observe(inner);
  measure();
  return () => {
    cancelAnimationFrame(frame);
    cancelAnimationFrame(anchorFrame);
    observer.disconnect();
    mutations.disconnect();
    for (const type of HANDS) outer.removeEventListener(type, hands);
    // The root's --present-scale is left to the next presented figure (or to no effect once presenting ends):
    // when → moves back to an earlier figure, its fit starts before this cleanup runs.
    inner.style.transform = '';
    inner.style.width = '';
    delete inner.dataset.fit;
    delete outer.dataset.scrolls;
  };
}

function union(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  return new DOMRect(left, top, Math.max(a.right, b.right) - left, Math.max(a.bottom, b.bottom) - top);
}
