/**
 * How a widget offers its animation to its figure's "Save GIF" button: it
 * hands over a function that returns the frames it computed itself (so the
 * GIF shows what the figure shows, from the same code). Kept apart from the
 * FigureHandle, keyed by it, so that the export feature stays in one place.
 */
import type { GifFrame } from '../../viz/export-gif';
import { useFigure, type FigureHandle } from '../../page/figure-state.svelte';

export type FrameSource = () => GifFrame[];

class FigureExports {
  gif = $state.raw<FrameSource | null>(null);
}

const registry = new WeakMap<FigureHandle, FigureExports>();

export function figureExports(handle: FigureHandle): FigureExports {
  let e = registry.get(handle);
  if (!e) registry.set(handle, (e = new FigureExports()));
  return e;
}

/** Called once from a widget's script: the enclosing figure gets a "Save GIF" button. */
export function offerGifFrames(source: FrameSource): void {
  figureExports(useFigure()).gif = source;
}
