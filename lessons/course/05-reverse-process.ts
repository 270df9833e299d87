import type { LessonCourse } from './types';

export const course: LessonCourse = {
  goals: [
    'Run the reverse process step by step, and read x_t, the predicted noise ε̂ and the predicted clean image x̂₀.',
    'Write the DDPM step and the DDIM step, and say what η does.',
    'Trade the number of steps against quality, and start from a noised drawing instead of pure noise.',
  ],
  exercises: [
    {
      id: 'ex-x0-early',
      question: 'Ask for an 8. At which point of the run will x̂₀ show which 8 it is going to be: near the start, the middle or the end?',
      link: { figure: 'reverse-stepper', state: { digit: '8' }, label: 'ask for an 8' },
      look: 'Step through slowly and watch x̂₀ (right) against x_t (left).',
      answer:
        'Early. x̂₀ settles on the shape of the 8 long before x_t is clean; the late steps only sharpen it. The model decides the layout first and the detail last.',
    },
    {
      id: 'ex-ddpm-20',
      question: 'Run DDPM with only 20 steps, once with σ² = β_t and once with σ² = β̃_t on the same noise. Which ends cleaner?',
      link: { figure: 'reverse-stepper', state: { smp: 'ddpm-beta', steps: '20', cmp: '1', csteps: '20' }, label: 'DDPM-20, β against β̃' },
      look: 'Compare the two final images side by side.',
      answer:
        'β̃_t. Over 20 long jumps, σ² = β_t adds far too much fresh noise, and the result stays grainy. β̃_t, the posterior variance, adds the right amount.',
    },
    {
      id: 'ex-sdedit-hint',
      question: 'Noise a 7 and bring it back while the class hint asks for a 1. From which t will the 1 win?',
      link: { figure: 'sdedit', state: { cls: '7', hint: '1' }, label: 'a 7 with the hint "1"' },
      look: 'Read the bottom row from left (small t) to right (large t).',
      answer:
        'Not at small t: there the noise hides only fine detail, and the result is still the 7, cleaned up. The further right, the less of the 7 survives; near t = T the drawing is gone and the model draws what the hint asks.',
    },
  ],
  recap: [
    'Generation starts from pure noise x_T and calls the network once per step, counting t down to 0.',
    'At every step the noise guess gives a guess of the clean image, x̂₀; it settles early.',
    'DDPM adds fresh noise at each step; DDIM with η = 0 adds none and can skip most steps.',
    'SDEdit starts from a noised drawing: the higher the start, the less of the drawing survives.',
  ],
  next: 'So far the model was told a digit\'s label. Lesson 6 replaces the label with a sentence.',
};
