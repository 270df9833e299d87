/**
 * Where glossary notes go in the margin beside the reading column: each as
 * close to its word's line as it can be, never over another note, never over
 * a figure that reaches into the margin. A note that cannot be placed that way
 * is left out of the margin, and its word opens it on demand instead.
 *
 * Pure: it works on vertical extents in page coordinates, so a test can pin it
 * without a browser. margin-layout.ts measures the page and applies the result.
 */

export interface NoteBox {
  /** Where the note would sit with no other note around: level with its word. */
  top: number;
  height: number;
  /** False when the margin is too narrow for it (it would leave the page). */
  room?: boolean;
}

export interface Obstacle {
  top: number;
  bottom: number;
}

export interface StackOptions {
  /** Space kept between two notes. */
  gap?: number;
  /** How far below its word a note may be pushed before it stops reading as that word's note. */
  maxShift?: number;
}

/**
 * The top of each note once stacked, in the order given, or null for a note
 * that goes back to its word (no room, pushed too far from its word, or over
 * an obstacle).
 */
export function stackNotes(notes: readonly NoteBox[], obstacles: readonly Obstacle[], { gap = 8, maxShift = 120 }: StackOptions = {}): (number | null)[] {
  const order = notes.map((_, i) => i).sort((a, b) => notes[a].top - notes[b].top || a - b);
  const out: (number | null)[] = notes.map(() => null);
  let floor = -Infinity;
  for (const i of order) {
    const n = notes[i];
    if (n.room === false) continue;
    const top = Math.max(n.top, floor + gap);
    if (top - n.top > maxShift) continue;
    const bottom = top + n.height;
    if (obstacles.some((o) => top < o.bottom && bottom > o.top)) continue;
    out[i] = top;
    floor = bottom;
  }
  return out;
}
