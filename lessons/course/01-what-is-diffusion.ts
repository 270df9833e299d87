import type { LessonCourse } from './types';

export const course: LessonCourse = {
  goals: [
    'Say what a generative model does, and name the two phases of a diffusion model.',
    'Tell the forward process (adding noise) from the reverse process (removing it).',
    'Place the idea in time: Sohl-Dickstein et al. (2015), then Ho et al. (2020).',
    'Say how a diffusion model differs from a GAN, and what it costs.',
  ],
  exercises: [
    {
      id: 'ex-last-frame',
      question: 'After the last forward step, t = 1000, is anything of the real digit left in the image?',
      link: { lesson: 'forward-process', figure: 'forward-process', state: { t: '1000', cls: '7' }, label: 'open lesson 2 with a 7 at t = 1000' },
      look: 'Compare the two images at t = 1000 with the digit at t = 0, and read the table under them.',
      answer:
        'Almost nothing. With the linear schedule the digit keeps a weight of about 0.006 at t = 1000, far below the noise of size 1. Both images look like plain static, and their mean and spread match pure noise.',
    },
    {
      id: 'ex-new-seed',
      question: 'Start the reverse process from a different draw of static, still asking for a 3. Will you get the same 3?',
      link: { lesson: 'reverse-process', figure: 'reverse-stepper', state: { seed: '2' }, label: 'open lesson 5 with another seed' },
      look: 'Let the sampler run to the end, then set the seed back to 1, the default, and compare the two 3s.',
      answer:
        'No: a different starting static gives a different 3. The model does not store images; each start is turned into a new digit. With the same seed and settings you would get the same 3 again, because this sampler adds no noise of its own.',
    },
  ],
  recap: [
    'A generative model learns from examples and makes new ones that look as if they came from the same collection.',
    'A diffusion model has two phases: a fixed forward process buries data under noise step by step, and a trained network reverses it step by step.',
    'Generation starts from fresh static, so every image it makes is new.',
    'Compared with a GAN it trains on a plain regression target, but it needs many network calls per image instead of one.',
  ],
  next: 'Lesson 2 looks closely at the first phase: how exactly noise is added, and why it can be done in one jump.',
};
