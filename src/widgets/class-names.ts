/**
 * Class names as readers see them. Data files and model files name classes in
 * English ("Dress"), the names the model was trained and saved with; a figure
 * shows them in the page's language.
 *
 * The English names are written here beside their messages rather than read
 * from the data loader's list (src/data/digits.ts), so that a page that only
 * names classes does not load the loader. The unit test reads every name of
 * the data's list through here, in English (each pair right) and in French
 * (none left untranslated).
 */
import { m } from '../i18n/messages';

const FASHION = new Map<string, () => string>([
  ['T-shirt/top', m.fashion_class_0],
  ['Trouser', m.fashion_class_1],
  ['Pullover', m.fashion_class_2],
  ['Dress', m.fashion_class_3],
  ['Coat', m.fashion_class_4],
  ['Sandal', m.fashion_class_5],
  ['Shirt', m.fashion_class_6],
  ['Sneaker', m.fashion_class_7],
  ['Bag', m.fashion_class_8],
  ['Ankle boot', m.fashion_class_9],
]);

/** A class's name in the page's language: a Fashion-MNIST name translated, a digit or an unknown name as it is. */
export function shownClassName(name: string): string {
  return FASHION.get(name)?.() ?? name;
}
