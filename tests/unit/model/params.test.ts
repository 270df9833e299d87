import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { disposeWeights, weightsFromValues } from '../../../src/model/params';
import { WeightFileError } from '../../../src/model/weight-io';

const specs = [
  { name: 'a.w', shape: [2, 3], init: 'zeros' as const },
  { name: 'a.b', shape: [3], init: 'zeros' as const },
];

describe('weightsFromValues: the one place values become weight tensors', () => {
  it('makes one tensor per spec, with its shape and values', () => {
    const w = weightsFromValues(specs, new Map([['a.w', Float32Array.from([1, 2, 3, 4, 5, 6])], ['a.b', new Float32Array(3)]]));
    expect(w['a.w'].shape).toEqual([2, 3]);
    expect(Array.from(w['a.w'].dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    disposeWeights(w);
  });

  it('refuses a missing or mis-sized value with the caller\'s error, and leaks no tensor', () => {
    const before = tf.memory().numTensors;
    const missing = new Map([['a.w', new Float32Array(6)]]);
    const misSized = new Map([['a.w', new Float32Array(6)], ['a.b', new Float32Array(4)]]);
    expect(() => weightsFromValues(specs, missing, 'model.ddmw')).toThrow('model.ddmw lacks or mis-sizes "a.b".');
    expect(() => weightsFromValues(specs, misSized, 'f', (m) => new WeightFileError(m))).toThrow(WeightFileError);
    expect(tf.memory().numTensors).toBe(before);
  });
});
