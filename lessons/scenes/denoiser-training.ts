import { LAB_URL_SPEC } from '../../src/widgets/training/lab-url';
import { oneStepParams } from '../../src/widgets/training/one-step-url';
import { unetParams } from '../../src/widgets/unet-diagram/unet-url';
import { defineScenes, lessonParams } from '../../src/widgets/figure/scenes';

// The training lab's settings apply to the next run, which takes minutes: its
// figure is presented as the reader left it rather than stepped through.
export default defineScenes({
  params: lessonParams(LAB_URL_SPEC, oneStepParams, unetParams),
  figures: {
    'unet-diagram': {
      scenes: [
        { name: 'In: the noisy image becomes feature maps', state: { ublk: 'in' } },
        { name: 'Down: a residual block at full resolution', state: { ublk: 'down0.res0' } },
        { name: 'The bottom: the coarsest, widest features', state: { ublk: 'mid.res0' } },
        { name: 'Out: the predicted noise, the image’s shape', state: { ublk: 'out' } },
      ],
    },
    'one-step': {
      scenes: [
        { name: 'A little noise, t = 50', state: { digit: 7, pick: 0, t: 50, seed: 1, drop: false } },
        { name: 'Half way, t = 300', state: { t: 300 } },
        { name: 'Almost all noise, t = 900', state: { t: 900 } },
        { name: 't = 300 with the label dropped', state: { t: 300, drop: true } },
      ],
    },
  },
});
