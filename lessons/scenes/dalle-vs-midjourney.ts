import { longPromptParams, LONG_PROMPT_EXAMPLES, stylesParams } from '../../src/widgets/text/text-url';
import { defineScenes, lessonParams } from '../../src/widgets/figure/scenes';

export default defineScenes({
  params: lessonParams(stylesParams, longPromptParams),
  figures: {
    'dalle-styles': {
      scenes: [
        { name: 'Adherence at w = 3, stylised at w = 9', state: { wa: 3, wb: 9 } },
        { name: 'Plain conditional (w = 1) against w = 10', state: { wa: 1, wb: 10 } },
      ],
    },
    'prompt-condense': {
      scenes: LONG_PROMPT_EXAMPLES.map((lp, i) => ({ name: `Long prompt ${i + 1}`, state: { lp } })),
    },
  },
});
