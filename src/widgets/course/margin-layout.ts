/**
 * Keeps the page's glossary margin notes apart: every note registers here, and
 * one pass (after the page changes size, a font arrives or a box opens) measures
 * them all, stacks them with stackNotes, and tells each note where it goes or
 * that it goes back to its word.
 */
import { stackNotes, type Obstacle } from './margin-notes';

export interface MarginNote {
  /** The note, placed absolutely in the margin; measured even while it is hidden. */
  readonly el: HTMLElement;
  /** The vertical shift applied now, in CSS pixels. */
  readonly shift: number;
  /** The new shift, or null: no room in the margin, the word opens the note instead. */
  place(shift: number | null): void;
}

/** What a note must not cover: figures placed beside or across the reading column. */
const OBSTACLES = '.wide, .row.has-figure, figure.figure';
/** Notes keep this far from the page's right edge. */
const EDGE = 8;

const notes = new Set<MarginNote>();
let queued = false;
let observer: ResizeObserver | null = null;

function obstaclesBeside(left: number, right: number): Obstacle[] {
  const out: Obstacle[] = [];
  for (const e of document.querySelectorAll<HTMLElement>(OBSTACLES)) {
    // A figure being presented or embedded covers the screen, not the margin.
    if (getComputedStyle(e).position === 'fixed') continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= left || r.left >= right) continue;
    out.push({ top: r.top + scrollY, bottom: r.bottom + scrollY });
  }
  return out;
}

function layout(): void {
  queued = false;
  const list = [...notes].filter((n) => n.el.isConnected);
  if (list.length === 0) return;
  const vw = document.documentElement.clientWidth;
  const rects = list.map((n) => n.el.getBoundingClientRect());
  const boxes = list.map((n, i) => ({ top: rects[i].top + scrollY - n.shift, height: rects[i].height, room: rects[i].right <= vw - EDGE }));
  const left = Math.min(...rects.map((r) => r.left));
  const right = Math.max(...rects.map((r) => r.right));
  const tops = stackNotes(boxes, obstaclesBeside(left, right));
  list.forEach((n, i) => {
    const top = tops[i];
    n.place(top == null ? null : Math.round(top - boxes[i].top));
  });
}

/** Lays the notes out again at the next frame (once, however many ask). */
export function relayoutMarginNotes(): void {
  if (queued || typeof requestAnimationFrame === 'undefined') return;
  queued = true;
  requestAnimationFrame(layout);
}

function start(): void {
  observer = new ResizeObserver(relayoutMarginNotes);
  observer.observe(document.body);
  addEventListener('resize', relayoutMarginNotes);
  document.fonts?.ready.then(relayoutMarginNotes);
}

function stop(): void {
  observer?.disconnect();
  observer = null;
  removeEventListener('resize', relayoutMarginNotes);
}

/** Adds a note to the page's layout; the returned function takes it out again. */
export function registerMarginNote(note: MarginNote): () => void {
  if (notes.size === 0 && typeof ResizeObserver !== 'undefined') start();
  notes.add(note);
  relayoutMarginNotes();
  return () => {
    notes.delete(note);
    if (notes.size === 0) stop();
    else relayoutMarginNotes();
  };
}
