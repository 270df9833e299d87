/**
 * A lesson as a course page, written as data beside the lesson: what the reader
 * will learn, "predict, then check" exercises, and what they should now
 * understand. The lesson file places these; the components in
 * src/widgets/course draw them.
 */
export interface ExerciseLink {
  /** Lesson whose figure the link opens; the exercise's own lesson when left out. */
  lesson?: string;
  /** The figure's id (its anchor is fig-<id>). */
  figure: string;
  /** URL state to set: keys of that lesson's URL state, values as the URL writes them. */
  state: Readonly<Record<string, string>>;
  /** What the link does, in a few words ("set t to 1000"). */
  label: string;
}

export interface Exercise {
  /** Unique within its lesson; also the element id of the exercise. */
  id: string;
  /** The prediction to make before looking. */
  question: string;
  link: ExerciseLink;
  /** What to look at once the figure is set. */
  look: string;
  /** Revealed on demand. */
  answer: string;
}

export interface LessonCourse {
  /** 2–4 things the reader will be able to say or do. */
  goals: readonly string[];
  /** What the reader should now understand, one idea a line. */
  recap: readonly string[];
  /** Where it leads: one or two sentences that point at the next lesson. */
  next: string;
  exercises: readonly Exercise[];
}
