/**
 * Each lesson's typed URL list (every key a reader can set on it) and its
 * figures' scenes, loaded with the lesson.
 */
import type { LessonScenes } from '../../src/widgets/figure/scenes';
import { translatedSceneNames } from '../translations';
import { pageLocale } from '../../src/i18n/locale';

type Loader = () => Promise<{ default: LessonScenes<any> }>;

export const lessonScenes: Record<string, Loader> = {
  'what-is-diffusion': () => import('./what-is-diffusion'),
  'forward-process': () => import('./forward-process'),
  'noise-schedules': () => import('./noise-schedules'),
  'denoiser-training': () => import('./denoiser-training'),
  'reverse-process': () => import('./reverse-process'),
  'text-conditioning': () => import('./text-conditioning'),
  'classifier-free-guidance': () => import('./classifier-free-guidance'),
  'dalle-vs-midjourney': () => import('./dalle-vs-midjourney'),
};

/** A lesson's scenes with their names in the page's language (the states are the same in every language). */
export async function loadScenes(slug: string): Promise<{ default: LessonScenes<any> } | undefined> {
  const load = lessonScenes[slug];
  if (!load) return undefined;
  const names = translatedSceneNames[pageLocale()];
  const [mod, all] = await Promise.all([load(), names?.()]);
  const byFigure = all?.[slug];
  if (!byFigure) return mod;
  const figures = Object.fromEntries(
    Object.entries(mod.default.figures).map(([id, fig]) => [
      id,
      { ...fig, scenes: fig.scenes.map((sc, i) => ({ ...sc, name: byFigure[id]?.[i] ?? sc.name })) },
    ]),
  );
  return { default: { ...mod.default, figures } };
}
