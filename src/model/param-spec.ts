/**
 * What a weight is (name, shape, how it starts) and how many numbers a list of
 * them holds, without TF.js (see params.ts for the tensors).
 */

/** How a weight starts: fan-in scaled uniform, zeros, or ones. */
export type InitKind = 'fanIn' | 'zeros' | 'ones' | 'zeroFinal';

export interface ParamSpec {
  name: string;
  shape: number[];
  init: InitKind;
  /** Fan-in used by 'fanIn' and 'zeroFinal' (when zero-init is turned off). */
  fanIn?: number;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function countParams(specs: readonly ParamSpec[]): number {
  return specs.reduce((n, s) => n + sizeOf(s.shape), 0);
}
