/** Grid mode: which labels the 16 samples get. */
import { m } from '../../i18n/messages';
import { shownClassName } from '../class-names';

/**
 * 'none' → one of each class 0..numClasses−1, then unconditional extras
 * (label numClasses) up to `count`; a class → `count` of it.
 */
export function gridLabels(digit: string, numClasses: number, count = 16): Int32Array {
  const out = new Int32Array(count);
  if (digit === 'none') {
    for (let i = 0; i < count; i++) out[i] = i < numClasses ? i : numClasses;
  } else {
    out.fill(Math.max(0, Math.min(numClasses - 1, Number(digit))));
  }
  return out;
}

/** A cell's caption: the class's name ("3", or "Dress" for a Fashion-MNIST model), or "no label". */
export function labelName(label: number, numClasses: number, names?: readonly string[]): string {
  return label >= numClasses ? m.grid_no_label() : shownClassName(names?.[label] ?? String(label));
}
