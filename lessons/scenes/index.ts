/**
 * Each lesson's typed URL list (every key a reader can set on it) and its
 * figures' scenes, loaded with the lesson.
 */
import type { LessonScenes } from '../../src/widgets/figure/scenes';

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
