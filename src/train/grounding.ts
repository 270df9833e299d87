/**
 * A grounding loss on cross-attention, after the token loss of TokenCompose
 * (Wang et al. 2024, "TokenCompose: Text-to-Image Diffusion with Token-level
 * Supervision"), with our scenes' cells as the masks:
 *
 *   L_ground = mean over blocks and digit tokens of (1 − share)²,
 *   share    = Σ_{p ∈ own cell} A[p, k] / Σ_p A[p, k],
 *
 * where A is a block's cross-attention averaged over heads (each pixel's
 * distribution over the L tokens) and k a digit token. TokenCompose squares
 * the share averaged over heads and batch; we square each prompt's share of
 * the head-averaged map, which is exactly the quantity the model card's
 * attention localisation averages. So this loss asks
 * every block for what the diffusion loss only got from one: measured at
 * step 7,556 on 500 held-out prompts, the 8×8 middle block put 72 % of a
 * digit word's attention in its cell while the other four sat at 24–32 %
 * (chance 25 %), because one block was enough to place the digit.
 *
 * Position words are left free: the scenes say which cell a digit is in, not
 * where "top" should look.
 */
import * as tf from '@tensorflow/tfjs';
import { CELLS } from '../data/scenes';
import { type SceneSpec } from '../data/captions';
import { cellIndexAt, digitTokenPositions } from '../eval/scene-meter';

/** No target for this token (not a digit word, or a dropped caption). */
export const NO_CELL = -1;

/**
 * Per token of each prompt, the cell (CELLS index) its digit word names, or
 * NO_CELL. ids: count × L; specs: the scenes the captions describe, the k-th
 * digit token naming the k-th digit (the caption grammar's order).
 */
export function groundingTargets(ids: Int32Array, specs: readonly SceneSpec[], L: number): Int8Array {
  const out = new Int8Array(ids.length).fill(NO_CELL);
  specs.forEach((spec, i) => {
    const pos = digitTokenPositions(ids.subarray(i * L, (i + 1) * L));
    // A caption cut by the token limit can lose its second digit word: only a one-to-one match is a target.
    if (pos.length !== spec.digits.length) return;
    spec.digits.forEach((d, k) => (out[i * L + pos[k]] = CELLS.indexOf(d.cell)));
  });
  return out;
}

/** [size², 4] with a 1 where pixel p lies in cell q: multiplying sums a map over each cell. */
function cellMatrix(size: number): tf.Tensor2D {
  const m = new Float32Array(size * size * 4);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) m[(r * size + c) * 4 + cellIndexAt(r, c, size)] = 1;
  return tf.tensor2d(m, [size * size, 4]);
}

/**
 * The loss over a batch's cross-attention blocks. maps: per block
 * [B, heads, size², L] (softmax over L); targets: B × L from groundingTargets.
 * Returns 0 when the batch has no digit token. Call inside a tidy/gradient.
 */
export function groundingLoss(blocks: readonly { maps: tf.Tensor4D; size: number }[], targets: Int8Array): tf.Scalar {
  if (blocks.length === 0) throw new Error('groundingLoss needs at least one cross-attention block');
  const [B, , , L] = blocks[0].maps.shape;
  if (targets.length !== B * L) throw new RangeError(`${targets.length} grounding targets for ${B} prompts of ${L} tokens`);
  const oneHot = new Float32Array(B * L * 4);
  let count = 0;
  for (let i = 0; i < targets.length; i++) {
    if (targets[i] === NO_CELL) continue;
    oneHot[i * 4 + targets[i]] = 1;
    count++;
  }
  if (count === 0) return tf.scalar(0);
  const own = tf.tensor2d(oneHot, [B * L, 4]);
  const perBlock = blocks.map(({ maps, size }) => {
    const mean = tf.mean(maps, 1); // [B, HW, L]: the head average the card measures
    const byToken = tf.transpose(mean, [0, 2, 1]).reshape([B * L, size * size]);
    const mass = tf.matMul(byToken, cellMatrix(size)); // [B·L, 4]
    const share = tf.div(tf.sum(tf.mul(mass, own), 1), tf.add(tf.sum(mass, 1), 1e-12));
    // Tokens without a target have own = 0, hence share = 0: mask them out of the sum.
    const isTarget = tf.sum(own, 1);
    return tf.sum(tf.mul(tf.square(tf.sub(1, share)), isTarget));
  });
  return tf.div(tf.addN(perBlock), count * blocks.length) as tf.Scalar;
}
