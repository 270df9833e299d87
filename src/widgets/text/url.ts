/** URL parameters of the text figures (lessons 6–8), and the free-text parameter they need. */
import type { Param } from '../../runtime/url-params';
import { boolParam, intParam, numParam } from '../../runtime/url-params';
import { GUIDANCE_DEFAULT, GUIDANCE_MAX } from '../controls/guidance';
import { SEED_MAX } from '../controls/seed';
import { ALL_BLOCKS } from './attention-maps';
import { promptParam } from './guidance';

/** A string, cut to maxLength so a pasted novel cannot bloat every link. */
export function stringParam(def: string, maxLength: number): Param<string> {
  return {
    default: def,
    parse: (raw) => raw.slice(0, maxLength),
    format: (v) => v,
  };
}

/*
 * Each text figure's state in the URL. Exported (not inline in the components)
 * so that exercise links can be checked against the same lists in Node.
 */


export const EXPLORER_DEFAULT_PROMPT = 'a seven in the top left and 2 bottom right';

/** Lesson 6's cross-attention explorer. */
export const EXPLORER_URL = {
  p: stringParam(EXPLORER_DEFAULT_PROMPT, 600),
  seed: intParam(1, 0, SEED_MAX),
  w: numParam(GUIDANCE_DEFAULT, 0, GUIDANCE_MAX),
  steps: intParam(50, 5, 200),
  blk: stringParam(ALL_BLOCKS, 40),
  avg: boolParam(true),
  /** Step shown (1-based); 0 = follow the newest step. */
  k: intParam(0, 0, 1000),
  /** Token group shown; −1 = the prompt's first digit. */
  tok: intParam(-1, -1, 64),
  scale: stringParam('shared', 10),
  op: numParam(0.6, 0.1, 1),
};

/** Lesson 7's ε_u / ε_c / difference panels at one step. */
export const PREDICTIONS_URL = {
  p: promptParam('3 top left and 7 bottom right'),
  w: numParam(GUIDANCE_DEFAULT, 0, GUIDANCE_MAX),
  seed: intParam(4, 0, SEED_MAX),
  steps: intParam(20, 5, 50),
  k: intParam(4, 0, 49),
};

/** Lesson 7's grid over guidance scales. */
export const GRID_URL = {
  gp: promptParam('3 top left and 7 bottom right'),
  gseed: intParam(1, 0, SEED_MAX),
  grows: intParam(3, 1, 4),
  gsteps: intParam(20, 5, 50),
};

/** Lesson 8's moderate and over-guided pair. */
export const STYLES_URL = {
  sp: promptParam('3 top left and 7 bottom right'),
  sseed: intParam(2, 0, SEED_MAX),
  wa: numParam(GUIDANCE_DEFAULT, 0, GUIDANCE_MAX),
  wb: numParam(9, 0, GUIDANCE_MAX),
};

export const LONG_PROMPT_EXAMPLES = [
  'Please draw me a beautiful, elegant handwritten number seven, placed up in the top right corner of the picture, and maybe also a little 2 down at the bottom left',
  'I would love a picture with a clean, bold handwritten 4 sitting in the lower left corner, nothing too fancy, and then on the upper right side please add a nine',
  '🎨 A lovely 3 in the top left!',
];

/** Lesson 8's truncated and rewritten prompts. */
export const PROMPTS_URL = {
  lp: promptParam(LONG_PROMPT_EXAMPLES[0]),
  lseed: intParam(3, 0, SEED_MAX),
  lw: numParam(GUIDANCE_DEFAULT, 0, GUIDANCE_MAX),
};
