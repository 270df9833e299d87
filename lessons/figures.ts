/**
 * Every figure's id, by lesson, in page order: plain data, so the static
 * build can write one embed page per figure (/embed/<slug>/<id>/) and the
 * router can refuse an id that does not exist. A unit test keeps it equal to
 * the ids the lesson files place.
 */
export const lessonFigures: Readonly<Record<string, readonly string[]>> = {
  'what-is-diffusion': ['hero'],
  'forward-process': ['forward-process'],
  'noise-schedules': ['schedule-curves', 'schedule-images'],
  'denoiser-training': ['unet-diagram', 'one-step', 'training-lab'],
  'reverse-process': ['reverse-stepper', 'sdedit', 'quality-vs-steps'],
  'text-conditioning': ['attention-explorer', 'qkv', 'grounding-chart'],
  'classifier-free-guidance': ['guidance-predictions', 'guidance-grid', 'guidance-chart'],
  'dalle-vs-midjourney': ['dalle-styles', 'prompt-condense'],
};

/** Every embed page's path segment, <slug>/<figure id>. */
export function embedPages(): string[] {
  return Object.entries(lessonFigures).flatMap(([slug, ids]) => ids.map((id) => `embed/${slug}/${id}`));
}
