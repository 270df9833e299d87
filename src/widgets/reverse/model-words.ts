/**
 * A model's description in the reader's language: src/model describes a model
 * in plain data (and an English line for logs); these are the words a figure
 * shows, from the message catalogues.
 */
import type { ModelInfo } from '../../model/model-info';
import type { UNetConfig } from '../../model/config';
import { formatNumber } from '../../i18n/format';
import { m } from '../../i18n/messages';
import { SCHEDULE_KIND_NAMES } from '../schedule-names';
import { shownClassName } from '../class-names';

/** "28×28 MNIST, width 32, T = 1000, linear schedule", in the page's language. */
export function modelSummary(info: ModelInfo, config: Pick<UNetConfig, 'imageSize' | 'baseChannels'>): string {
  return m.model_summary({
    size: config.imageSize,
    dataset: info.dataset === 'fashion' ? 'Fashion-MNIST' : 'MNIST',
    width: config.baseChannels,
    T: formatNumber(info.schedule.T),
    schedule: SCHEDULE_KIND_NAMES[info.schedule.kind](),
  });
}

/** A class menu entry: "3", "3 (Dress)", with a warning when the model never saw that class. */
export function classLabel(info: ModelInfo, label: number): string {
  const name = shownClassName(info.classNames[label] ?? String(label));
  const text = name === String(label) ? name : `${label} (${name})`;
  return info.trainedClasses && !info.trainedClasses.includes(label) ? m.class_not_trained({ text }) : text;
}

/** Where the model runs ("worker (webgpu)", "main thread (cpu; no worker: …)"), as a sentence. */
export function whereSentence(where: string): string {
  const worker = /^worker \((.*)\)$/.exec(where);
  if (worker) return m.model_runs_worker({ backend: worker[1] });
  const main = /^main thread \((.*)\)$/.exec(where);
  return main ? m.model_runs_main({ detail: main[1] }) : m.model_runs_main({ detail: where });
}
