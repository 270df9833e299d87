import { scheduleParams } from '../../src/widgets/schedules/schedule-lab.svelte';
import { defineScenes } from '../../src/widgets/figure/scenes';

// NaN β ends mean "the kind's published range", as when the reader picks a kind.
const published = { a0: NaN, a1: NaN, b0: NaN, b1: NaN, za: false, zb: false };

export default defineScenes({
  params: scheduleParams,
  figures: {
    'schedule-curves': {
      tween: true,
      scenes: [
        { name: 'Linear at T = 1000', state: { ...published, a: 'linear', b: 'linear', T: 1000, t: 500 } },
        { name: 'Cosine at T = 1000', state: { ...published, a: 'cosine', b: 'cosine', T: 1000, t: 500 } },
        { name: 'Both at T = 50', state: { ...published, a: 'linear', b: 'cosine', T: 50, t: 25 } },
        { name: 'Both at T = 1000, rescaled to zero terminal SNR', state: { ...published, a: 'linear', b: 'cosine', T: 1000, t: 500, za: true, zb: true } },
      ],
    },
    'schedule-images': {
      tween: true,
      scenes: [
        { name: 'Half way, t = 500', state: { ...published, a: 'linear', b: 'cosine', T: 1000, t: 500 } },
        { name: 't = 750: linear has lost the digit, cosine has not', state: { t: 750 } },
        { name: 't = 1000: both are noise', state: { t: 1000 } },
      ],
    },
  },
});
