import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { digitSetFromBytes, imageAt } from '../../../../src/data/digits';
import { heroDigitPixels } from '../../../../src/widgets/hero/hero-digit';
import { HERO } from '../../../../src/widgets/hero/hero';

describe("the hero's digit", () => {
  it('is the MNIST test image HERO.testIndex, pixel for pixel, as the shipped data set has it', async () => {
    const set = await digitSetFromBytes(
      'mnist',
      'test',
      readFileSync('site/public/data/mnist-test-images.idx3.gz'),
      readFileSync('site/public/data/mnist-test-labels.idx1.gz'),
    );
    const pixels = heroDigitPixels();
    expect(pixels.length).toBe(28 * 28);
    expect([...pixels]).toEqual([...imageAt(set, HERO.testIndex)]);
    expect(set.labels[HERO.testIndex]).toBe(7);
  });
});
