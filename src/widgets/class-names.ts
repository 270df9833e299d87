/**
 * Class names as readers see them. Data files and model files name classes in
 * English ("Dress", src/data/digits.ts), the names the model was trained and
 * saved with; a figure shows them in the page's language.
 */
import { FASHION_CLASS_NAMES } from '../data/digits';
import { m } from '../i18n/messages';

const FASHION: readonly (() => string)[] = [
  m.fashion_class_0,
  m.fashion_class_1,
  m.fashion_class_2,
  m.fashion_class_3,
  m.fashion_class_4,
  m.fashion_class_5,
  m.fashion_class_6,
  m.fashion_class_7,
  m.fashion_class_8,
  m.fashion_class_9,
];

/** A class's name in the page's language: a Fashion-MNIST name translated, a digit or an unknown name as it is. */
export function shownClassName(name: string): string {
  const i = FASHION_CLASS_NAMES.indexOf(name);
  return i >= 0 ? FASHION[i]() : name;
}
