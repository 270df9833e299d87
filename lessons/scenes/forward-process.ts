import { forwardParams } from '../../src/widgets/forward/forward-url';
import { defineScenes } from '../../src/widgets/figure/scenes';

export default defineScenes({
  params: forwardParams,
  figures: {
    'forward-process': {
      tween: true,
      scenes: [
        { name: 'The data, t = 0', state: { t: 0, sched: 'linear' } },
        { name: 'A little noise, t = 100', state: { t: 100 } },
        { name: 'Half the signal power gone, t = 250', state: { t: 250 } },
        { name: 'Almost pure noise, t = 750', state: { t: 750 } },
        { name: 'Cosine schedule at t = 250: more of the digit left', state: { t: 250, sched: 'cosine' } },
      ],
    },
  },
});
