import type { LessonCourse } from './types';

export const course: LessonCourse = {
  goals: [
    'Write classifier-free guidance, ε̂ = ε_u + w (ε_c − ε_u), and say what w = 0 and w = 1 mean.',
    'Explain why one network can give both ε_u and ε_c.',
    'Describe the trade-off: more guidance, more adherence to the prompt, less diversity.',
  ],
  exercises: [
    {
      id: 'ex-w-10',
      question: 'Raise the guidance scale to w = 10. Which panel changes most?',
      link: { figure: 'guidance-predictions', state: { w: '10' }, label: 'set w to 10' },
      look: 'Compare the panel w (ε_c − ε_u) and the final result with the default w = 3.',
      answer:
        'The scaled difference: it is multiplied by w, so it fills its range. ε_u and ε_c do not change at that step; the result gets bolder, brighter strokes.',
    },
    {
      id: 'ex-empty-guidance',
      question: 'With an empty prompt, what does guidance add?',
      link: { figure: 'guidance-predictions', state: { p: '' }, label: 'an empty prompt' },
      look: 'Look at the difference panel and its rms value.',
      answer:
        'Nothing. The conditional pass reads the same [PAD] tokens as the unconditional one, so ε_c = ε_u, the difference is zero, and every w gives the same unconditional sample.',
    },
    {
      id: 'ex-grid-rows',
      question: 'In the grid, read down one column: will the samples at the largest scale be more or less alike than at w = 1?',
      link: { figure: 'guidance-grid', state: { grows: '4' }, label: 'four seeds per scale' },
      look: 'Compare each column\'s four images with each other.',
      answer:
        'More alike, if guidance spends diversity as expected: large scales pull every seed towards the images the model is surest of. How much on our model is what the chart below measures; the effect is small there.',
    },
  ],
  recap: [
    'Dropping the caption one time in ten teaches one network both ε_c and ε_u.',
    'Guidance moves w times along ε_c − ε_u, the direction “more like the prompt”.',
    'The difference acts like the gradient of a classifier the network learned for free.',
    'Higher w means higher adherence and lower diversity, and past some point exaggerated images.',
  ],
  next: 'Products choose a point on this trade-off, and choose what happens to a prompt first. Lesson 8 compares DALL·E and Midjourney.',
};
