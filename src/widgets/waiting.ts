/**
 * The words of the one waiting display (Waiting.svelte), kept together so that
 * every figure says the same thing while it waits, and a translation has one
 * place to look.
 */
export const WAITING = {
  model: 'Loading the model…',
  textModel: 'Loading the text model…',
  onScreen: 'Starts when the figure is on screen.',
  starting: 'Starting the sampler…',
  computing: 'Computing…',
  training: 'Starting the training worker…',
  data: (what: string) => `Loading ${what}…`,
  sampling: (k: number, n: number) => `Sampling: step ${k} of ${n}`,
  progressLabel: 'Progress',
} as const;

/** A progress fraction for the display, or null when there is nothing to count yet. */
export function progressOf(k: number | null | undefined, n: number | null | undefined): { value: number; max: number } | null {
  if (k == null || n == null || !Number.isFinite(k) || !Number.isFinite(n) || n <= 0) return null;
  return { value: Math.min(Math.max(0, k), n), max: n };
}
