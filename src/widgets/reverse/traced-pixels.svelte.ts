/**
 * The pixels lesson 5's step-through traces over time: three to start with,
 * and a click on x_t replaces them one after another (oldest first).
 */
import { TRIO } from '../../viz/palette';
import { defaultPixels } from './model-state.svelte';

/** One colour per traced pixel, in order. */
export const TRACE_COLORS: readonly string[] = [...TRIO];

export class TracedPixels {
  /** Flat indices row · size + column. */
  pixels = $state<number[]>([]);
  private next = 0;

  /** Back to the default pixels for an image of this size. */
  reset(size: number): void {
    this.pixels = defaultPixels(size);
    this.next = 0;
  }

  /** Traces the pixel at (row, column), in place of the oldest choice. */
  pick(row: number, col: number, size: number): void {
    const pixels = [...this.pixels];
    pixels[this.next] = row * size + col;
    this.next = (this.next + 1) % pixels.length;
    this.pixels = pixels;
  }
}

/** "(row, column)" of a flat pixel index. */
export const pixelName = (p: number, size: number): string => `(${Math.floor(p / size)}, ${p % size})`;
