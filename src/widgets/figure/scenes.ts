/**
 * Scenes: named states of a figure, written as typed data beside each lesson
 * (reveal.js' fragments, as data the way Transformer Explainer keeps its
 * tour). A scene sets some of the lesson's URL keys; presenter mode steps
 * through them, and the figure's widgets, which read those very keys, follow.
 */
import type { ParamSpec, ParamValues } from '../../page/url-params';

export interface Scene<S extends ParamSpec> {
  /** What the presenter says it shows, e.g. "DDIM, 50 steps". */
  readonly name: string;
  readonly state: Partial<ParamValues<S>>;
}

export interface FigureScenes<S extends ParamSpec> {
  readonly scenes: readonly Scene<S>[];
  /** Numbers glide to a scene's values when redrawing is cheap; a figure that reruns a model jumps. */
  readonly tween?: boolean;
}

/** One lesson's typed URL list and its figures' scenes. */
export interface LessonScenes<S extends ParamSpec = ParamSpec> {
  /** Every key a reader can set on this lesson, with its type, range and default. */
  readonly params: S;
  /** By figure id; a figure without an entry is presented as it stands. */
  readonly figures: Readonly<Record<string, FigureScenes<S>>>;
}

/** Identity with inference, so a scene's keys and values are type-checked against the lesson's list. */
export function defineScenes<S extends ParamSpec>(lesson: LessonScenes<S>): LessonScenes<S> {
  return lesson;
}

/**
 * The lesson's one list from its widgets' lists; two widgets on one lesson
 * sharing a key would fight over it in the URL, so that throws.
 */
export function lessonParams<const L extends readonly ParamSpec[]>(...lists: L): UnionToIntersection<L[number]> {
  const out: ParamSpec = {};
  for (const list of lists) {
    for (const [key, p] of Object.entries(list)) {
      if (Object.hasOwn(out, key)) throw new Error(`URL key "${key}" is used by two widgets of one lesson`);
      out[key] = p;
    }
  }
  return out as UnionToIntersection<L[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Problems with a lesson's scenes: unknown keys, or values the key's own parser would not give back. */
export function sceneProblems(lesson: LessonScenes): string[] {
  const problems: string[] = [];
  for (const [figure, fs] of Object.entries(lesson.figures)) {
    if (fs.scenes.length === 0) problems.push(`${figure}: no scenes`);
    fs.scenes.forEach((scene, i) => {
      if (!scene.name.trim()) problems.push(`${figure} scene ${i}: no name`);
      for (const [key, value] of Object.entries(scene.state)) {
        const p = lesson.params[key];
        if (!p) {
          problems.push(`${figure} "${scene.name}": unknown key ${key}`);
          continue;
        }
        const formatted = p.format(value);
        const isDefault = Object.is(value, p.default);
        // A valid value survives the trip through the URL unchanged (not clamped, rounded or refused).
        if (!isDefault && !Object.is(p.parse(formatted), value)) {
          problems.push(`${figure} "${scene.name}": ${key}=${formatted} is not a valid value`);
        }
      }
    });
  }
  return problems;
}
