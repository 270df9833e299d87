import { explorerParams, EXPLORER_SUGGESTIONS, qkvParams } from '../../src/widgets/text/text-url';
import { defineScenes, lessonParams } from '../../src/widgets/figure/scenes';

export default defineScenes({
  params: lessonParams(explorerParams, qkvParams),
  figures: {
    'attention-explorer': {
      scenes: [
        { name: 'Two digits, two places', state: { p: EXPLORER_SUGGESTIONS[0], tok: -1, avg: true } },
        { name: 'One digit, top left', state: { p: '3 top left', tok: -1 } },
        { name: 'A word the model does not know', state: { p: 'a 5 bottom left and a 🐱 top right', tok: -1 } },
      ],
    },
  },
});
