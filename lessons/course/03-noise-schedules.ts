import type { LessonCourse } from './types';

export const course: LessonCourse = {
  goals: [
    'Read a schedule through ᾱ_t, the signal kept, and its log signal-to-noise ratio.',
    'Say why the cosine schedule keeps a digit readable longer than the linear one.',
    'Know that a schedule is part of the model: change it and the model must be trained again.',
  ],
  exercises: [
    {
      id: 'ex-t-750',
      question: 'At t = 750, which row still shows a digit: linear or cosine?',
      link: { figure: 'schedule-images', state: { t: '750' }, label: 'set t to 750' },
      look: 'Read the weight √ᾱ_t under each image.',
      answer:
        'Only the cosine row. The linear schedule keeps a weight of about 0.06 on the digit at t = 750, the cosine one about 0.38.',
    },
    {
      id: 'ex-short-T',
      question: 'Shrink T from 1000 to 50 steps. Will the two ᾱ curves change shape?',
      link: { figure: 'schedule-curves', state: { T: '50' }, label: 'set T to 50' },
      look: 'Compare where each ᾱ curve crosses one half, as a fraction of T.',
      answer:
        'Hardly. The linear β range is rescaled by 1000/T, so the linear curve still falls early (below one half by about step 14 of 50) and the cosine one late (about step 25 of 50).',
    },
    {
      id: 'ex-zero-snr',
      question: 'Tick zero terminal SNR for schedule A. Which part of its curves will change?',
      link: { figure: 'schedule-curves', state: { za: '1' }, label: 'zero terminal SNR on A' },
      look: 'Look at the last steps of ᾱ_t and of log SNR.',
      answer:
        'Only the tail. ᾱ_T becomes exactly 0, so the log SNR falls without bound at the last step. Earlier steps barely move: at t = 500, √ᾱ goes from about 0.280 to 0.276.',
    },
  ],
  recap: [
    'A schedule is the list β_1 … β_T; what an image looks like at step t depends on it only through ᾱ_t.',
    'Linear β loses the signal early; its last steps are nearly pure noise.',
    'Cosine chooses ᾱ_t directly, so it falls slowly at both ends and the image keeps its features longer.',
    'Most schedules do not quite reach pure noise at t = T; zero terminal SNR rescales them so that they do.',
  ],
  next: 'The schedule fixes how images are noised. Lesson 4 trains the network that learns to remove that noise.',
};
