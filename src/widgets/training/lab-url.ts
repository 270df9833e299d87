/**
 * The training lab's hyperparameters as URL parameters (defaults omitted), so
 * a link reproduces a setup. Pure, so Node tests check that a hand-edited or
 * stale link falls back or clamps instead of throwing.
 */
import { BATCHES, DEFAULT_SETTINGS, normaliseSettings, TS, WIDTHS, type LabSettings } from '../../train/lab-settings';
import { enumParam, numParam, readParams, type Param, type ParamValues } from '../../page/url-params';

/** One of a fixed list of numbers (batch, width, T): anything else is ignored, not rounded to a neighbour. */
export function choiceParam(def: number, values: readonly number[]): Param<number> {
  return {
    default: def,
    parse: (raw) => (raw.trim() !== '' && values.includes(Number(raw)) ? Number(raw) : undefined),
    format: (v) => String(v),
  };
}

/** Digits to train on as a string of digits, "0123456789"; duplicates and order do not matter. */
export const classesParam: Param<string> = {
  default: DEFAULT_SETTINGS.classes.join(''),
  parse: (raw) => (/^[0-9]+$/.test(raw) ? [...new Set(raw)].sort().join('') : undefined),
  format: (v) => v,
};

export const LR_MIN = 1e-5;
export const LR_MAX = 3e-2;

export const LAB_URL_SPEC = {
  lr: numParam(DEFAULT_SETTINGS.lr, LR_MIN, LR_MAX),
  batch: choiceParam(DEFAULT_SETTINGS.batch, BATCHES),
  weighting: enumParam(DEFAULT_SETTINGS.weighting, ['min-snr', 'mse']),
  dataset: enumParam(DEFAULT_SETTINGS.dataset, ['mnist', 'fashion']),
  classes: classesParam,
  width: choiceParam(DEFAULT_SETTINGS.width, WIDTHS),
  schedule: enumParam(DEFAULT_SETTINGS.schedule, ['linear', 'cosine']),
  T: choiceParam(DEFAULT_SETTINGS.T, TS),
};

export type LabUrlValues = ParamValues<typeof LAB_URL_SPEC>;

/** URL values → the settings they ask for (the URL form of classes is a digit string). */
export function urlToSettings(v: LabUrlValues): Partial<LabSettings> {
  return { ...v, classes: [...v.classes].map(Number) };
}

/** Settings → the URL's form, for writing back. */
export function settingsToUrl(s: LabSettings): LabUrlValues {
  const { lr, batch, weighting, dataset, classes, width, schedule, T } = s;
  return { lr, batch, weighting, dataset, classes: classes.join(''), width, schedule, T };
}

/** What a query string asks the lab for, clamped and filled: never throws. */
export function labSettingsFromSearch(search: string): LabSettings {
  return normaliseSettings(urlToSettings(readParams(LAB_URL_SPEC, search)));
}
