import { sdeditParams, stepperParams } from '../../src/widgets/reverse/reverse-url';
import { defineScenes, lessonParams } from '../../src/widgets/figure/scenes';

export default defineScenes({
  params: lessonParams(stepperParams, sdeditParams),
  figures: {
    'reverse-stepper': {
      scenes: [
        { name: 'DDPM, 1000 steps', state: { smp: 'ddpm-posterior', steps: 1000, eta: 0, sp: 'linspace', cmp: false, k: 0 } },
        { name: 'DDIM, 50 steps', state: { smp: 'ddim', steps: 50, eta: 0, k: 0 } },
        { name: 'DDIM, 10 steps', state: { smp: 'ddim', steps: 10, eta: 0, k: 0 } },
        {
          name: 'DDIM 10 steps beside DDPM 1000, on the same noise',
          state: { smp: 'ddim', steps: 10, eta: 0, cmp: true, csmp: 'ddpm-posterior', csteps: 1000, lock: true, k: 0 },
        },
      ],
    },
    sdedit: {
      scenes: [
        { name: 'A data-set 2, no class hint', state: { src: 'dataset', ds: 'mnist', cls: 2, n: 0, hint: 'none' } },
        { name: 'The same 2, told it is a 2', state: { hint: '2' } },
        { name: 'The same 2, told it is a 7', state: { hint: '7' } },
      ],
    },
  },
});
