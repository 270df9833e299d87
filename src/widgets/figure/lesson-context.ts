/**
 * What a figure knows about the lesson around it: the lesson's slug (for its
 * link and embed code), the lesson's scenes, and, on an embed page, which one
 * figure is shown (the others render nothing, so their widgets never start).
 */
import { getContext, setContext } from 'svelte';
import type { LessonScenes } from './scenes';

export interface LessonContext {
  readonly slug: string;
  readonly scenes: LessonScenes | undefined;
  /** On /embed/<slug>/<figure>/: that figure's id. */
  readonly embed?: string;
}

const KEY = Symbol('lesson');

export function provideLesson(ctx: LessonContext): void {
  setContext(KEY, ctx);
}

export function useLesson(): LessonContext | undefined {
  return getContext<LessonContext | undefined>(KEY);
}
