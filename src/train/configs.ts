/** Named training recipes: a model config plus everything the trainer and data need. */
import type { ScheduleOptions } from '../diffusion/beta-schedules';
import { unetConfig, type UNetConfig } from '../model/config';
import type { GroundingOptions } from './trainer';

export interface TrainRecipe {
  name: string;
  model: UNetConfig;
  /** 'scenes': captioned 32×32 digit scenes made on the fly from MNIST train (src/data/scenes.ts). */
  dataset: 'mnist' | 'fashion' | 'scenes';
  schedule: ScheduleOptions;
  batch: number;
  /** Default total steps of a full run. */
  steps: number;
  lr: number;
  warmupSteps: number;
  ema: number;
  pUncond: number;
  minSnrGamma: number | null;
  gradClip: number;
  seed: number;
  /** Text models: the cross-attention grounding loss and the step it starts at (src/train/grounding.ts). */
  grounding?: GroundingOptions;
}

/** The two shipped models' recipe, written once so that a change reaches both; they differ only in data and batch. */
function shippedRecipe(o: { name: 'mnist-cond' | 'text-scenes'; dataset: TrainRecipe['dataset']; batch: number }): TrainRecipe {
  return {
    name: o.name,
    model: unetConfig(o.name),
    dataset: o.dataset,
    schedule: { kind: 'linear', T: 1000 },
    batch: o.batch,
    steps: 20000,
    lr: 1e-3,
    warmupSteps: 200,
    ema: 0.999,
    pUncond: 0.1,
    minSnrGamma: 5,
    gradClip: 1,
    seed: 0,
  };
}

const recipes: Record<string, () => TrainRecipe> = {
  'mnist-cond': () => shippedRecipe({ name: 'mnist-cond', dataset: 'mnist', batch: 64 }),
  'text-scenes': () => ({
    ...shippedRecipe({ name: 'text-scenes', dataset: 'scenes', batch: 32 }),
    // Switched on at step 8,000 of the shipped run, after 8,000 steps without it had left the
    // 16×16 blocks' attention at chance: a fresh run repeats the same two phases.
    grounding: { weight: 0.01, fromStep: 8000 },
  }),
  tiny: () => ({
    name: 'tiny',
    model: unetConfig('tiny', { imageSize: 28, channelMults: [1, 2, 2], attentionLevels: [2] }),
    dataset: 'mnist',
    schedule: { kind: 'linear', T: 1000 },
    batch: 16,
    steps: 200,
    lr: 2e-3,
    warmupSteps: 20,
    ema: 0.99,
    pUncond: 0.1,
    minSnrGamma: 5,
    gradClip: 1,
    seed: 0,
  }),
};

export function trainRecipe(name: string): TrainRecipe {
  const r = recipes[name];
  if (!r) throw new Error(`Unknown training config "${name}"; known: ${Object.keys(recipes).join(', ')}.`);
  return r();
}

export const TRAIN_RECIPES = Object.keys(recipes);
