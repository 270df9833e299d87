import type { LessonCourse } from './types';

export const course: LessonCourse = {
  goals: [
    'Describe the U-Net: an encoder, a decoder, skip connections, and the timestep as an input.',
    'State the training loss: the mean squared error between the real noise and the predicted noise.',
    'Run one training step by hand, then train a small model in this tab.',
  ],
  exercises: [
    {
      id: 'ex-high-lr',
      question: 'Train with a learning rate ten times the default. Will the loss fall faster, or not?',
      link: { figure: 'training-lab', state: { lr: '0.03' }, label: 'learning rate 0.03' },
      look: 'Press Start and watch the loss curve and the samples for a few hundred steps.',
      answer:
        'Each update now overshoots. Expect a jumpier loss that settles higher, and samples that take longer to look like digits; it can even blow up. Too low a rate (try 0.0001) fails the other way: the loss falls slowly.',
    },
    {
      id: 'ex-two-digits',
      question: 'Train on the digits 1 and 7 only. Which digits will the ten samples show?',
      link: { figure: 'training-lab', state: { classes: '17' }, label: 'train on 1 and 7 only' },
      look: 'Press Start, and read the labels of the samples as they sharpen.',
      answer:
        'Only 1s and 7s, in turn: the lab asks the model only for the digits it trains on. Each sample starts from its own noise, so the five 1s are five different 1s.',
    },
  ],
  recap: [
    'The denoiser is a U-Net told the timestep t (and here the digit\'s label); it predicts the noise in x_t.',
    'Training picks an image, a random t and fresh noise, jumps to x_t with the closed form, and scores the guess by mean squared error.',
    'The plain loss gives better samples than the variational bound\'s weighting; min-SNR weighting keeps the low-noise steps from dominating.',
    'The loss never reaches zero: judge a model by its samples.',
  ],
  next: 'A trained denoiser is a generator in waiting. Lesson 5 runs it backwards from pure noise.',
};
