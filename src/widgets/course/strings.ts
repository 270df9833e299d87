/** The course components' own words, from the message catalogues (messages/<locale>.json). */
import { m } from '../../i18n/messages';

export const COURSE_STRINGS = {
  get goalsTitle() { return m.course_goals_title(); },
  get recapTitle() { return m.course_recap_title(); },
  get nextTitle() { return m.course_next_title(); },
  nextLink: (n: number, title: string) => m.course_next_link({ n, title }),
  get exerciseKicker() { return m.course_exercise_kicker(); },
  get tryIt() { return m.course_try_it(); },
  get lookFor() { return m.course_look_for(); },
  get showAnswer() { return m.course_show_answer(); },
  get goingFurther() { return m.course_going_further(); },
  get goingFurtherHint() { return m.course_going_further_hint(); },
  get moreSettings() { return m.course_more_settings(); },
  get howto() { return m.course_howto(); },
} as const;
