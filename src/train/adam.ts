/** Adam (Kingma & Ba 2015) over a named set of variables, with its moments kept for checkpoints. */
import * as tf from '@tensorflow/tfjs';
import type { VariableWeights } from '../model/params';

export interface AdamState {
  m: VariableWeights;
  v: VariableWeights;
  step: number;
}

export function createAdamState(w: VariableWeights): AdamState {
  const m: VariableWeights = {};
  const v: VariableWeights = {};
  for (const [k, t] of Object.entries(w)) {
    m[k] = tf.variable(tf.zerosLike(t), false);
    v[k] = tf.variable(tf.zerosLike(t), false);
  }
  return { m, v, step: 0 };
}

/** One update, in place. `grads` is keyed like `w`. Call inside tf.tidy. */
export function adamUpdate(w: VariableWeights, grads: Record<string, tf.Tensor>, st: AdamState, lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): void {
  st.step++;
  const bc1 = 1 - b1 ** st.step;
  const bc2 = 1 - b2 ** st.step;
  for (const n of Object.keys(w)) {
    const g = grads[n];
    const mNew = tf.add(tf.mul(st.m[n], b1), tf.mul(g, 1 - b1));
    const vNew = tf.add(tf.mul(st.v[n], b2), tf.mul(tf.square(g), 1 - b2));
    st.m[n].assign(mNew);
    st.v[n].assign(vNew);
    w[n].assign(tf.sub(w[n], tf.div(tf.mul(mNew, lr / bc1), tf.add(tf.sqrt(tf.div(vNew, bc2)), eps))));
  }
}
