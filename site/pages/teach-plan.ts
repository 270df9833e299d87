/**
 * The teachers' page as data: a 50-minute route through the course, each
 * stop with its figures, prepared states (lesson URL + query + the figure's
 * anchor, so a link opens that exact view) and what it asks of the machine,
 * then discussion questions with answers. The route's shape (lessons,
 * minutes, figures, queries) is written once, here; each language gives it
 * words in its own file (teach-words-en.ts, teach-words-fr.ts), and
 * `teachPlan` puts the two together for the page's language.
 */
import { lessonBySlug, lessonPath } from '../../lessons/registry';
import type { Locale } from '../../src/i18n/locale';
import { TEACH_WORDS_EN } from './teach-words-en';
import { TEACH_WORDS_FR } from './teach-words-fr';

/** One stop of the route, as in every language: how long, which lesson, which figures in which states. */
export interface StopPlan {
  minutes: number;
  lesson: string;
  /** Each figure's id (its anchor) and the queries of its prepared states, without "?" (may be empty). */
  figures: { id: string; queries: string[] }[];
}

export const ROUTE_PLAN: readonly StopPlan[] = [
  { minutes: 5, lesson: 'what-is-diffusion', figures: [{ id: 'hero', queries: [''] }] },
  { minutes: 10, lesson: 'forward-process', figures: [{ id: 'forward-process', queries: ['t=0', 't=250', 't=600', 't=1000'] }] },
  {
    minutes: 7,
    lesson: 'noise-schedules',
    figures: [
      { id: 'schedule-curves', queries: ['a=linear&b=cosine&T=1000&t=500', 'a=linear&b=cosine&T=50&t=25'] },
      { id: 'schedule-images', queries: ['a=linear&b=cosine&T=1000&t=500'] },
    ],
  },
  {
    minutes: 8,
    lesson: 'denoiser-training',
    figures: [
      { id: 'unet-diagram', queries: [''] },
      { id: 'training-lab', queries: ['lab=tiny'] },
    ],
  },
  {
    minutes: 10,
    lesson: 'reverse-process',
    figures: [{ id: 'reverse-stepper', queries: ['smp=ddpm-posterior&steps=1000&seed=1', 'smp=ddim&steps=50&seed=1', 'smp=ddim&steps=10&seed=1'] }],
  },
  { minutes: 7, lesson: 'classifier-free-guidance', figures: [{ id: 'guidance-predictions', queries: ['w=0', 'w=1', 'w=3', 'w=10'] }] },
  { minutes: 3, lesson: 'dalle-vs-midjourney', figures: [{ id: 'dalle-styles', queries: [''] }] },
];

/** One stop's words, in ROUTE_PLAN's order: for each figure its title and one label per prepared state. */
export interface StopWords {
  point: string;
  figures: { title: string; states: string[] }[];
  /** What the figure needs from the machine in the room. */
  machine: string;
}

export interface Question {
  q: string;
  a: string;
}

export interface TeachText {
  title: string;
  intro: string;
  before: string;
  routeTitle: string;
  questionsTitle: string;
  showAnswer: string;
  showAll: string;
  hideAll: string;
  print: string;
  minutes: (m: number) => string;
  at: (start: number, end: number) => string;
  /** With its colon, as each language writes it. */
  machineLabel: string;
  lessonLabel: (n: number, title: string) => string;
}

/** Everything one language says on the page. */
export interface TeachWords {
  text: TeachText;
  route: StopWords[];
  questions: Question[];
}

export interface PreparedState {
  /** What the class sees, said the way the teacher would announce it. */
  label: string;
  query: string;
}

export interface TeachStop {
  minutes: number;
  lesson: string;
  point: string;
  figures: { id: string; title: string; states: PreparedState[] }[];
  machine: string;
}

/** The plan with one language's words; throws if the words do not fit the plan's shape. */
export function withWords(plan: readonly StopPlan[], words: readonly StopWords[]): TeachStop[] {
  if (words.length !== plan.length) throw new Error(`teach plan: ${words.length} stops of words for ${plan.length} stops`);
  return plan.map((stop, i) => {
    const w = words[i];
    if (w.figures.length !== stop.figures.length) throw new Error(`teach plan: stop ${i + 1} has words for ${w.figures.length} figures, not ${stop.figures.length}`);
    return {
      minutes: stop.minutes,
      lesson: stop.lesson,
      point: w.point,
      machine: w.machine,
      figures: stop.figures.map((f, j) => {
        const fw = w.figures[j];
        if (fw.states.length !== f.queries.length) throw new Error(`teach plan: ${f.id} has ${fw.states.length} labels for ${f.queries.length} states`);
        return { id: f.id, title: fw.title, states: f.queries.map((query, k) => ({ label: fw.states[k], query })) };
      }),
    };
  });
}

const WORDS: Record<Locale, TeachWords> = { en: TEACH_WORDS_EN, fr: TEACH_WORDS_FR };

/** The teachers' page's words, route and questions in `locale`. */
export function teachPlan(locale: Locale): { text: TeachText; route: TeachStop[]; questions: Question[] } {
  const words = WORDS[locale] ?? TEACH_WORDS_EN;
  return { text: words.text, route: withWords(ROUTE_PLAN, words.route), questions: words.questions };
}

export interface StopView extends TeachStop {
  start: number;
  end: number;
  number: number;
  lessonTitle: string;
  path: string;
}

/** The route with its running clock and each lesson's number, title and path. */
export function routeWithTimes(route: readonly TeachStop[]): StopView[] {
  let clock = 0;
  return route.map((stop) => {
    const lesson = lessonBySlug(stop.lesson);
    if (!lesson) throw new Error(`teach plan: unknown lesson ${stop.lesson}`);
    const start = clock;
    clock += stop.minutes;
    return { ...stop, start, end: clock, number: lesson.number, lessonTitle: lesson.title, path: lessonPath(lesson) };
  });
}

/** The link to one prepared state: the lesson with its query, scrolled to the figure. */
export function stateHref(path: string, figureId: string, query: string): string {
  return `${path}${query ? `?${query}` : ''}#fig-${figureId}`;
}
