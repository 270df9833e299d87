import { describe, expect, it } from 'vitest';
import { unetConfig } from '../../../src/model/config';
import { classOptionLabel, modelInfo } from '../../../src/model/model-info';

const shipped = unetConfig('mnist-cond');

describe('modelInfo: how to sample a model, from its weight file', () => {
  it("the shipped model's meta (no dataset, no schedule) means MNIST digits, all classes, linear at its T", () => {
    const i = modelInfo(shipped, { step: 2000, recipe: 'mnist-cond' });
    expect(i.dataset).toBe('mnist');
    expect(i.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(i.trainedClasses).toBeNull();
    expect(i.schedule).toEqual({ kind: 'linear', T: 1000 });
    expect(i.summary).toBe('28×28 MNIST, width 24, T = 1000, linear schedule');
    expect(classOptionLabel(i, 3)).toBe('3');
  });

  it("a reader's Fashion-MNIST model, width 16, cosine at T = 250, trained on some classes", () => {
    const config = { ...shipped, baseChannels: 16, timesteps: 250 };
    const i = modelInfo(config, { step: 1200, dataset: 'fashion', classes: [3, 0, 3, 42], schedule: 'cosine' });
    expect(i.dataset).toBe('fashion');
    expect(i.classNames[3]).toBe('Dress');
    expect(i.trainedClasses).toEqual([0, 3]);
    expect(i.schedule).toEqual({ kind: 'cosine', T: 250 });
    expect(i.summary).toBe('28×28 Fashion-MNIST, width 16, T = 250, cosine schedule');
    expect(classOptionLabel(i, 3)).toBe('3 (Dress)');
    expect(classOptionLabel(i, 5)).toBe('5 (Sandal), not trained on');
  });

  it("reads the schedule from a checkpoint's settings, and ignores kinds it cannot sample", () => {
    expect(modelInfo(shipped, { settings: { schedule: 'cosine' } }).schedule.kind).toBe('cosine');
    expect(modelInfo(shipped, { schedule: 'bogus' }).schedule.kind).toBe('linear');
    expect(modelInfo(shipped, { classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }).trainedClasses).toBeNull();
  });
});
