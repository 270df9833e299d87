/**
 * The URL state of lessons 6–8's figures, one typed list per figure, in a
 * plain module so the property-based test drives exactly what the pages read.
 * A figure's default prompt is its first suggestion, so it is passed in.
 */
import { boolParam, intParam, numParam } from '../../runtime/url-params';
import { SEED_MAX } from '../controls/seed';
import { ALL_BLOCKS } from './attention-maps';
import { promptParam } from './guidance';
import { stringParam } from './url';

/** The longest prompt a lesson 6 link keeps; its prompt box takes no more. */
export const ATTENTION_PROMPT_CHARS = 600;

export const attentionUrlSpec = (prompt: string) => ({
  p: stringParam(prompt, ATTENTION_PROMPT_CHARS),
  seed: intParam(1, 0, SEED_MAX),
  w: numParam(3, 0, 10),
  steps: intParam(50, 5, 200),
  blk: stringParam(ALL_BLOCKS, 40),
  avg: boolParam(true),
  /** Step shown (1-based); 0 = follow the newest step. */
  k: intParam(0, 0, 1000),
  /** Token group shown; −1 = the prompt's first digit. */
  tok: intParam(-1, -1, 64),
  scale: stringParam('shared', 10),
  op: numParam(0.6, 0.1, 1),
});

export const guidanceGridUrlSpec = () => ({
  gp: promptParam('3 top left and 7 bottom right'),
  gseed: intParam(1, 0, SEED_MAX),
  grows: intParam(3, 1, 4),
  gsteps: intParam(20, 5, 50),
});

export const guidancePredictionsUrlSpec = () => ({
  p: promptParam('3 top left and 7 bottom right'),
  w: numParam(3, 0, 10),
  seed: intParam(4, 0, SEED_MAX),
  steps: intParam(20, 5, 50),
  k: intParam(4, 0, 49),
});

export const dallePromptsUrlSpec = (prompt: string) => ({
  lp: promptParam(prompt),
  lseed: intParam(3, 0, SEED_MAX),
  lw: numParam(3, 0, 10),
});

export const dalleStylesUrlSpec = () => ({
  sp: promptParam('3 top left and 7 bottom right'),
  sseed: intParam(2, 0, SEED_MAX),
  wa: numParam(3, 0, 10),
  wb: numParam(9, 0, 10),
});
