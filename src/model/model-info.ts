/**
 * What a model's weight file says about how to sample from it, read from its
 * config and meta. The shipped model and a reader's model from lesson 4 differ
 * in ways a sampler must honour: the data set (so class 3 is a "3" or a
 * "Dress"), the classes it was trained on, T and the noise schedule. Sampling
 * a cosine-trained model on the linear schedule would feed it the wrong ᾱ_t
 * and draw mush, so the schedule is part of the model, not of the widget.
 * Missing fields fall back to the shipped model's: MNIST, all classes, linear.
 */
import { classNames, type DatasetName } from '../data/digits';
import { makeSchedule, type Schedule } from '../diffusion/schedule';
import type { ScheduleKind, ScheduleOptions } from '../diffusion/beta-schedules';
import type { UNetConfig } from './config';

export interface ModelInfo {
  dataset: DatasetName;
  /** Name of each class label 0..numClasses−1 ("3", or "Dress" for Fashion-MNIST). */
  classNames: string[];
  /** The classes the model saw in training, or null when it saw them all (or does not say). */
  trainedClasses: number[] | null;
  schedule: ScheduleOptions;
  /** One line for a status bar: "28×28 Fashion-MNIST, width 16, T = 500, cosine schedule". */
  summary: string;
}

const SCHEDULES: readonly ScheduleKind[] = ['linear', 'cosine'];

function scheduleKind(meta: Record<string, unknown>): ScheduleKind {
  const settings = meta.settings && typeof meta.settings === 'object' ? (meta.settings as Record<string, unknown>) : {};
  const k = meta.schedule ?? settings.schedule;
  return SCHEDULES.includes(k as ScheduleKind) ? (k as ScheduleKind) : 'linear';
}

export function modelInfo(config: Pick<UNetConfig, 'imageSize' | 'numClasses' | 'baseChannels' | 'timesteps'>, meta: Record<string, unknown> = {}): ModelInfo {
  const dataset: DatasetName = meta.dataset === 'fashion' ? 'fashion' : 'mnist';
  const names = classNames(dataset);
  const n = config.numClasses;
  const cls = Array.isArray(meta.classes)
    ? [...new Set(meta.classes.filter((c): c is number => Number.isInteger(c) && c >= 0 && c < n))].sort((a, b) => a - b)
    : [];
  const schedule: ScheduleOptions = { kind: scheduleKind(meta), T: config.timesteps };
  return {
    dataset,
    classNames: Array.from({ length: n }, (_, i) => names[i] ?? String(i)),
    trainedClasses: cls.length && cls.length < n ? cls : null,
    schedule,
    summary: `${config.imageSize}×${config.imageSize} ${dataset === 'fashion' ? 'Fashion-MNIST' : 'MNIST'}, width ${config.baseChannels}, T = ${config.timesteps}, ${schedule.kind} schedule`,
  };
}

/**
 * The schedule to sample a model with, from its weight file alone: every
 * sampling path (page worker, text worker, Node sample worker, lesson 4's
 * one-step panel) calls this instead of naming a schedule itself.
 */
export function modelSchedule(config: Pick<UNetConfig, 'imageSize' | 'numClasses' | 'baseChannels' | 'timesteps'>, meta: Record<string, unknown> = {}): Schedule {
  return makeSchedule(modelInfo(config, meta).schedule);
}

/** The label of a class menu entry: "3", "3 (Dress)", with a warning when the model never saw that class. */
export function classOptionLabel(info: ModelInfo, label: number): string {
  const name = info.classNames[label] ?? String(label);
  const text = name === String(label) ? name : `${label} (${name})`;
  return info.trainedClasses && !info.trainedClasses.includes(label) ? `${text}, not trained on` : text;
}
