/** The course components' own words, kept together for a later translation. */
export const COURSE_STRINGS = {
  goalsTitle: 'In this lesson you will',
  recapTitle: 'What you should now understand',
  nextTitle: 'Where it leads',
  nextLink: (n: number, title: string) => `Lesson ${n}: ${title} →`,
  exerciseKicker: 'Predict, then check',
  tryIt: 'Try it',
  lookFor: 'What to look for:',
  showAnswer: 'Show the answer',
  goingFurther: 'Going further',
  goingFurtherHint: '(optional)',
  moreSettings: 'More settings',
  howto: 'How to use it:',
} as const;
