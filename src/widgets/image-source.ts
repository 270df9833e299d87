/**
 * The URL parameters of an image source (ImageSource.svelte), so every lesson
 * that lets the reader pick an image declares them the same way:
 * `urlState({ ...imageSourceParams(), t: intParam(…) })`.
 *
 * A drawing or an upload cannot travel in a link; a link with src=draw or
 * src=upload opens that tab and shows the data-set image until the reader
 * draws or uploads again.
 */
import { enumParam, intParam } from '../page/url-params';
import type { DatasetName } from '../data/digits';
import { m } from '../i18n/messages';

export const SOURCE_KINDS = ['dataset', 'draw', 'upload'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  get dataset() { return m.source_tab_dataset(); },
  get draw() { return m.source_draw(); },
  get upload() { return m.source_upload(); },
};

/** What stays on screen after a failed upload. */
export const UPLOAD_FAILED_TEXT = {
  get keptPrevious() { return m.source_kept_previous(); },
  get noPrevious() { return m.source_no_previous(); },
};

export const DATASETS: readonly DatasetName[] = ['mnist', 'fashion'];
export const DATASET_LABELS: Record<DatasetName, string> = {
  get mnist() { return m.source_mnist(); },
  fashion: 'Fashion-MNIST',
};

/** src: which tab; ds: data set; cls: class 0–9; n: which example of that class (0-based, test split). */
export function imageSourceParams(defaults: { ds?: DatasetName; cls?: number; n?: number } = {}) {
  return {
    src: enumParam<SourceKind>('dataset', SOURCE_KINDS),
    ds: enumParam<DatasetName>(defaults.ds ?? 'mnist', DATASETS),
    cls: intParam(defaults.cls ?? 3, 0, 9),
    n: intParam(defaults.n ?? 0, 0, 9999),
  };
}
