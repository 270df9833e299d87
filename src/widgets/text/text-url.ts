/**
 * The URL state of the text figures (lessons 6, 7 and 8), one list per
 * widget, with the example prompts their defaults come from. Plain data, so
 * the lessons' scenes and their tests can read it.
 */
import { boolParam, intParam, numParam } from '../../page/url-params';
import { GUIDANCE_DEFAULT, GUIDANCE_MAX } from '../controls/guidance';
import { SEED_MAX } from '../controls/seed';
import { ALL_BLOCKS } from './attention-maps';
import { promptParam } from './guidance';
import { stringParam } from './url';

export const EXPLORER_SUGGESTIONS = [
  'a seven in the top left and 2 bottom right',
  '3 top left',
  'an eight in the lower right corner',
  'one top right, four bottom left',
  'a 5 bottom left and a 🐱 top right',
  '',
];

/** The example prompts of lessons 7 and 8's figures ('' is the empty prompt). */
export const PREDICTION_SUGGESTIONS = ['3 top left and 7 bottom right', 'a five in the upper right', 'two bottom left, 8 top right', ''];
export const GRID_SUGGESTIONS = ['3 top left and 7 bottom right', 'a five in the upper right', 'four bottom left', ''];
export const STYLE_SUGGESTIONS = ['a seven in the top right', '3 top left and 7 bottom right', 'zero bottom left, 4 bottom right', ''];

/** The longest prompt a lesson 6 link keeps; its prompt box takes no more. */
export const ATTENTION_PROMPT_CHARS = 600;

export const explorerParams = {
  p: stringParam(EXPLORER_SUGGESTIONS[0], ATTENTION_PROMPT_CHARS),
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

export const predictionsParams = {
  p: promptParam('3 top left and 7 bottom right'),
  w: numParam(GUIDANCE_DEFAULT, 0, GUIDANCE_MAX),
  seed: intParam(4, 0, SEED_MAX),
  steps: intParam(20, 5, 50),
  k: intParam(4, 0, 49),
};

export const gridParams = {
  gp: promptParam('3 top left and 7 bottom right'),
  gseed: intParam(1, 0, SEED_MAX),
  grows: intParam(3, 1, 4),
  gsteps: intParam(20, 5, 50),
};

export const stylesParams = {
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

export const longPromptParams = {
  lp: promptParam(LONG_PROMPT_EXAMPLES[0]),
  lseed: intParam(3, 0, SEED_MAX),
  lw: numParam(GUIDANCE_DEFAULT, 0, GUIDANCE_MAX),
};

/** The cross-attention block the Q/K/V diagram draws; empty means the finest one the model has. */
export const qkvParams = {
  qblk: stringParam('', 40),
};
