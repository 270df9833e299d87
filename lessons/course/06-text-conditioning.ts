import type { LessonCourse } from './types';

export const course: LessonCourse = {
  goals: [
    'Say how a prompt enters the denoiser: a text encoder, one embedding per token, then cross-attention.',
    'Read a cross-attention heatmap: which pixels read a given word.',
    'Tell which products are known to work this way, and which are not.',
  ],
  exercises: [
    {
      id: 'ex-one-digit',
      question: 'The prompt is “3 top left”. Where will the heatmap of the token “3” be brightest?',
      link: { figure: 'attention-explorer', state: { p: '3 top left' }, label: 'prompt “3 top left”' },
      look: 'Choose the chip “3” and look at the large map and its “per cell” share.',
      answer:
        'In the top-left cell, where the 3 is drawn. The pixels of that cell read the word “3” the most; the other cells give it little attention.',
    },
    {
      id: 'ex-empty',
      question: 'Empty the prompt. What will the model draw, and what is left for the pixels to attend to?',
      link: { figure: 'attention-explorer', state: { p: '' }, label: 'an empty prompt' },
      look: 'Read the prompt box and the chips, then the scene.',
      answer:
        'An unconditional scene: digits the model likes, where it likes. The prompt is all [PAD] tokens, the input the model saw when captions were dropped in training, so the only chip is [PAD].',
    },
  ],
  recap: [
    'A text encoder turns the prompt into one embedding per token; cross-attention lets every pixel read those tokens.',
    'Queries come from the image, keys and values from the text; a token\'s heatmap is one column of the attention matrix.',
    'Stable Diffusion feeds CLIP\'s per-token embeddings to cross-attention; DALL·E 2 conditions on one CLIP image embedding; Midjourney publishes nothing.',
    'Readable maps are not free: ours needed a grounding loss.',
  ],
  next: 'How hard the prompt pushes is the guidance scale w. Lesson 7 takes it apart.',
};
