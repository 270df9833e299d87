import type { LessonCourse } from './types';

export const course: LessonCourse = {
  goals: [
    'Write one forward step, x_t = √(1 − β_t) x_{t−1} + √β_t ε, and say what β_t is.',
    'Explain why the forward process is a Markov chain, and why its steps are small.',
    'Use the closed form to jump from x₀ straight to any step t.',
  ],
  exercises: [
    {
      id: 'ex-end-of-chain',
      question: 'At t = 1000, will the histogram of the pixels still show the black background and the ink?',
      link: { figure: 'forward-process', state: { t: '1000' }, label: 'set t to 1000' },
      look: 'Look at the histogram against the dashed N(0, 1) curve, and at the table of means and spreads.',
      answer:
        'No. The spike at −1 (background) and the bump near +1 (ink) have merged into one bell that sits on the dashed N(0, 1) curve. Mean near 0, spread near 1: the image has become a draw of pure Gaussian noise, for both the chain and the jump.',
    },
    {
      id: 'ex-cosine-250',
      question: 'Switch to the cosine schedule and stop at t = 250. Will the digit be easier or harder to read than under the linear schedule?',
      link: { figure: 'forward-process', state: { sched: 'cosine' }, label: 'cosine schedule, at t = 250' },
      look: 'Compare the image with the same t under the linear schedule (the default).',
      answer:
        'Easier. At t = 250 the cosine schedule keeps a weight of about 0.92 on the digit, the linear one about 0.72. Cosine adds noise more gently at first.',
    },
    {
      id: 'ex-same-noise',
      question: 'Change the seed. Will the chain (left) and the jump (right) now give the same picture?',
      link: { figure: 'forward-process', state: { seed: '7', t: '400' }, label: 'seed 7, t = 400' },
      look: 'Compare the two images pixel by pixel, then compare the numbers in the table.',
      answer:
        'No, never pixel for pixel: each path draws its own noise. What matches is their distribution: the same mean and the same spread, next to the theory row, at every t and every seed.',
    },
  ],
  recap: [
    'One forward step shrinks the image by √(1 − β_t) and adds Gaussian noise of variance β_t; the shrink keeps the total variance near 1.',
    'Each step depends only on the one before: a Markov chain.',
    'Small steps matter for the reverse direction: undoing a small Gaussian step is a small, learnable job.',
    'Going forward we can skip the steps: x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε, with ᾱ_t the signal left after t steps.',
  ],
  next: 'How fast ᾱ_t falls is set by the noise schedule. Lesson 3 compares schedules side by side.',
};
