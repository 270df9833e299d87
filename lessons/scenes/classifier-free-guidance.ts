import { gridParams, predictionsParams } from '../../src/widgets/text/text-url';
import { defineScenes, lessonParams } from '../../src/widgets/figure/scenes';

export default defineScenes({
  params: lessonParams(predictionsParams, gridParams),
  figures: {
    'guidance-predictions': {
      scenes: [
        { name: 'w = 0: the unconditional prediction alone', state: { w: 0 } },
        { name: 'w = 1: the plain conditional model', state: { w: 1 } },
        { name: 'w = 3', state: { w: 3 } },
        { name: 'w = 10: pushed far past the conditional', state: { w: 10 } },
      ],
    },
    'guidance-grid': {
      scenes: [
        { name: 'Two digits, three seeds', state: { gp: '3 top left and 7 bottom right', grows: 3 } },
        { name: 'A five in the upper right', state: { gp: 'a five in the upper right', grows: 3 } },
      ],
    },
  },
});
