import { afterEach, describe, expect, it } from 'vitest';
import { FASHION_CLASS_NAMES, MNIST_CLASS_NAMES } from '../../../src/data/digits';
import { shownClassName } from '../../../src/widgets/class-names';
import { useLocale } from '../i18n/page-locale';

describe('class names as figures show them', () => {
  afterEach(() => useLocale('en'));

  it('in English, are the names the data and model files hold (the catalogue agrees with src/data/digits.ts)', () => {
    useLocale('en');
    expect(FASHION_CLASS_NAMES.map(shownClassName)).toEqual([...FASHION_CLASS_NAMES]);
  });

  it('in French, are ten distinct French names; digits and unknown names stay as they are', () => {
    useLocale('fr');
    const fr = FASHION_CLASS_NAMES.map(shownClassName);
    expect(new Set(fr).size).toBe(10);
    expect(fr.filter((n, i) => n === FASHION_CLASS_NAMES[i])).toEqual([]);
    expect(fr[3]).toBe('Robe');
    expect(MNIST_CLASS_NAMES.map(shownClassName)).toEqual([...MNIST_CLASS_NAMES]);
    expect(shownClassName('Zebra')).toBe('Zebra');
  });
});
