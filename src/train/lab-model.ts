/**
 * The lab's model and schedule from its settings, without TF.js: the page
 * describes the model it is about to train, the training worker builds it.
 */
import { makeSchedule, type Schedule } from '../diffusion/schedule';
import { unetConfig, type UNetConfig } from '../model/config';
import type { LabSettings } from './lab-settings';

/** The U-Net a lab setting trains: the shipped mnist-cond architecture at the chosen width. */
export function labModelConfig(s: Pick<LabSettings, 'preset' | 'width' | 'T'>): UNetConfig {
  if (s.preset === 'tiny') {
    // Two levels, no attention on the way down: a few seconds per step on a software GPU.
    return unetConfig('mnist-cond', { baseChannels: s.width, channelMults: [1, 2], attentionLevels: [], numHeads: 2, timeEmbedDim: 32, timeFeatureDim: 16, timesteps: s.T });
  }
  return unetConfig('mnist-cond', { baseChannels: s.width, timesteps: s.T });
}

export function labSchedule(s: Pick<LabSettings, 'schedule' | 'T'>): Schedule {
  return makeSchedule({ kind: s.schedule, T: s.T });
}
