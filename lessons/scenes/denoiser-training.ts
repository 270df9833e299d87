import { LAB_URL_SPEC } from '../../src/widgets/training/lab-url';
import { defineScenes } from '../../src/widgets/figure/scenes';

// The lab's settings apply to the next training run, which takes minutes: its
// figure is presented as the reader left it rather than stepped through.
export default defineScenes({ params: LAB_URL_SPEC, figures: {} });
