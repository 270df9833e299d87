import { defineScenes } from '../../src/widgets/figure/scenes';

// The hero plays itself and has no state a reader sets.
export default defineScenes({ params: {}, figures: {} });
