import type { LessonCourse } from './types';
import { LONG_PROMPT_EXAMPLES } from '../../src/widgets/text/text-url';

export const course: LessonCourse = {
  goals: [
    'Say which claims about DALL·E and Midjourney are published, reported or guessed, and for which version.',
    'See what a higher guidance scale really does, and why “more stylised” is not it.',
    'Compare cutting a long prompt at the token limit with rewriting it into the model\'s caption style.',
  ],
  exercises: [
    {
      id: 'ex-same-scale',
      question: 'Set both scales to w = 3. Will the two images differ?',
      link: { figure: 'dalle-styles', state: { wb: '3' }, label: 'both scales at 3' },
      look: 'Compare the two images pixel by pixel.',
      answer:
        'No, they are identical. Same prompt, same starting noise, same scale, and a sampler that adds no noise of its own: the only thing that ever differed was w.',
    },
    {
      id: 'ex-emoji-prompt',
      question: 'The prompt is “🎨 A lovely 3 in the top left!”. What will the truncated side lose, and what will the rewriter keep?',
      link: { figure: 'prompt-condense', state: { lp: LONG_PROMPT_EXAMPLES[2] }, label: 'the emoji prompt' },
      look: 'Read the chips on both sides, then the two images.',
      answer:
        'Nothing is cut, since the prompt is short, but the emoji and “lovely” become [UNK] tokens that carry nothing. The rewriter keeps only what the model can read, “3 top left”.',
    },
  ],
  recap: [
    'The first DALL·E was not a diffusion model; DALL·E 2 and 3 are, and Midjourney reportedly is.',
    'DALL·E 2 conditions its decoder on a CLIP image embedding; Midjourney publishes nothing.',
    'On our model, more guidance makes images more literal and exaggerated, not more stylised.',
    'DALL·E 3 rewrites prompts into long captions like its training data; the common idea is to give a model text in its own caption style.',
  ],
  next: 'That is the whole course: every idea of the products, run at small scale in this page. Go back to any lesson and change a setting; every figure can be linked in the state you leave it.',
};
