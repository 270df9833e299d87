import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isLabSettings } from '../../../../src/train/lab-settings';
import { readParams, writeParams } from '../../../../src/page/url-params';
import { LAB_URL_SPEC, labSettingsFromSearch, LR_MAX, settingsToUrl, urlToSettings } from '../../../../src/widgets/training/lab-url';

describe("the training lab's URL parameters", () => {
  it('gives the default settings for an empty query', () => {
    expect(labSettingsFromSearch('')).toEqual(DEFAULT_SETTINGS);
  });

  it('reads every hyperparameter from a link', () => {
    const s = labSettingsFromSearch('?lr=0.0003&batch=16&weighting=mse&dataset=fashion&classes=37&width=16&schedule=cosine&T=250');
    expect(s).toMatchObject({ lr: 3e-4, batch: 16, weighting: 'mse', dataset: 'fashion', classes: [3, 7], width: 16, schedule: 'cosine', T: 250 });
    expect(isLabSettings(s)).toBe(true);
  });

  it('clamps a learning rate outside the slider to its ends', () => {
    expect(labSettingsFromSearch('?lr=5').lr).toBe(LR_MAX);
    expect(labSettingsFromSearch('?lr=1e-9').lr).toBe(1e-5);
    expect(labSettingsFromSearch('?lr=-1').lr).toBe(1e-5);
  });

  it('falls back to the default for values that are not on offer, without throwing', () => {
    const bad = '?lr=fast&batch=7&weighting=l1&dataset=cifar&classes=3a&width=100&schedule=sigmoid&T=123';
    expect(() => labSettingsFromSearch(bad)).not.toThrow();
    expect(labSettingsFromSearch(bad)).toEqual(DEFAULT_SETTINGS);
    // Empty and blank values are "not given", not 0.
    expect(labSettingsFromSearch('?lr=&batch=&width=%20&T=')).toEqual(DEFAULT_SETTINGS);
    // Batch is a choice, not a range: 65 is not rounded to 64.
    expect(labSettingsFromSearch('?batch=65').batch).toBe(DEFAULT_SETTINGS.batch);
    expect(labSettingsFromSearch('?lr=Infinity').lr).toBe(DEFAULT_SETTINGS.lr);
  });

  it('dedupes and sorts the classes, and refuses an empty set', () => {
    expect(labSettingsFromSearch('?classes=9911').classes).toEqual([1, 9]);
    expect(labSettingsFromSearch('?classes=').classes).toEqual(DEFAULT_SETTINGS.classes);
  });

  it('round-trips settings through the query string, keeping unrelated keys and omitting defaults', () => {
    const s = { ...DEFAULT_SETTINGS, lr: 2e-4, batch: 64, classes: [0, 1], schedule: 'cosine' as const };
    const q = writeParams(LAB_URL_SPEC, settingsToUrl(s), '?lab=tiny&backend=webgl');
    expect(q).toBe('?lab=tiny&backend=webgl&lr=0.0002&batch=64&classes=01&schedule=cosine');
    expect(labSettingsFromSearch(q)).toEqual(s);
    expect(writeParams(LAB_URL_SPEC, settingsToUrl(DEFAULT_SETTINGS), '')).toBe('');
    expect(urlToSettings(readParams(LAB_URL_SPEC, q)).classes).toEqual([0, 1]);
  });
});
