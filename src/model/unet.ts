/**
 * The denoiser: a small U-Net that predicts the noise ε in x_t.
 *
 *   t ─ sinusoidal ─ MLP ─┐ (+ label embedding, with a "no label" entry)
 *                         ▼ added inside every residual block
 *   x ─ conv ─ [Res(+Attn)] ─ down ─ … ─ Res Attn Res ─ … ─ up ─ [Res(+Attn)] ─ GN SiLU conv ─ ε
 *                   └─────────── skip (concat) ────────────────────┘
 *
 * One definition, used by the browser, the Node trainer, the benchmarks and
 * the tests. It knows nothing of samplers. `describeUNet` lists every weight
 * and counts multiply-accumulates from the same walk the forward pass does.
 */
import * as tf from '@tensorflow/tfjs';
import { crossLevels, groupsFor, levelChannels, type UNetConfig } from './config';
import { encodeText } from './text-encoder';
import { attentionBlock } from './layers/attention';
import { conv2d, linear } from './layers/conv';
import { labelEmbedding, timestepFeatures } from './layers/embed';
import { groupNorm, silu } from './layers/norm';
import { upsample2x } from './layers/resample';
import { initValues, weightsFromValues, type InitOptions, type Weights } from './params';

export { describeUNet, type UNetDescription } from './unet-spec';
import { describeUNet } from './unet-spec';

export interface ForwardOptions {
  /** Return the attention maps of every attention block, keyed by block name. */
  returnAttention?: boolean;
  /** Text context [B, L, contextDim] for cross-attention (only when the config has contextDim > 0). */
  context?: tf.Tensor3D;
  /** Token ids [B, L] for a model with its own text encoder (config.text); encoded into the context. */
  tokens?: tf.Tensor2D;
}

// Type aliases (not interfaces) so that a ForwardResult is a tf.TensorContainer and can leave a tf.tidy.
export type AttentionMaps = {
  /** Self-attention [B, heads, HW, HW] (absent in cross-only blocks). */
  self?: tf.Tensor4D;
  cross?: tf.Tensor4D;
  /** Spatial size of the block (maps are over hw×hw pixels). */
  size: number;
};

export type ForwardResult = {
  eps: tf.Tensor4D;
  attention?: Record<string, AttentionMaps>;
};

function resBlock(w: Weights, cfg: UNetConfig, name: string, x: tf.Tensor4D, temb: tf.Tensor2D, cout: number): tf.Tensor4D {
  const cin = x.shape[3];
  let h = conv2d(w, `${name}.conv1`, groupNorm(w, `${name}.norm1`, x, groupsFor(cfg, cin), 'silu'));
  const tproj = linear(w, `${name}.temb`, temb).reshape([-1, 1, 1, cout]);
  h = tf.add(h, tproj);
  h = conv2d(w, `${name}.conv2`, groupNorm(w, `${name}.norm2`, h, groupsFor(cfg, cout), 'silu'));
  const skip = cin !== cout ? conv2d(w, `${name}.skip`, x) : x;
  return tf.add(skip, h);
}

/**
 * ε̂ = UNet(x_t, t, label). x: [B, H, W, C] float32 in the data's scale;
 * t: [B] int32 timesteps in 0..T-1; label: [B] int32, with `numClasses`
 * meaning "no label" (ignored when the model is unconditional).
 * Call inside tf.tidy (or dispose what comes back).
 */
export function unetForward(
  w: Weights,
  cfg: UNetConfig,
  x: tf.Tensor4D,
  t: tf.Tensor1D,
  label: tf.Tensor1D | null,
  opts: ForwardOptions = {},
): ForwardResult {
  const ch = levelChannels(cfg);
  const attention: Record<string, AttentionMaps> = {};
  const hasCross = cfg.contextDim > 0;
  let context = opts.context;
  if (cfg.text) {
    if (!opts.tokens && !context) throw new Error('This model reads text: give token ids [B, L] (all [PAD] = no prompt).');
    if (opts.tokens) context = encodeText(w, cfg.text, opts.tokens).context;
  }
  const attn = (name: string, h: tf.Tensor4D, self: boolean, cross: boolean) => {
    const r = attentionBlock(w, name, h, { heads: cfg.numHeads, groups: groupsFor(cfg, h.shape[3]), context, self, cross, queryPositions: cfg.crossQueryPositions });
    if (opts.returnAttention) attention[name] = { self: r.selfMaps, cross: r.crossMaps, size: h.shape[1] };
    return r.y;
  };
  const selfAt = (l: number) => cfg.attentionLevels.includes(l);
  const crossAt = (l: number) => crossLevels(cfg).includes(l);

  let temb = linear(w, 'time.fc2', silu(linear(w, 'time.fc1', timestepFeatures(t, cfg.timeFeatureDim))));
  if (cfg.numClasses > 0) {
    const lab = label ?? tf.fill([x.shape[0]], cfg.numClasses, 'int32');
    temb = tf.add(temb, labelEmbedding(w, 'label', lab as tf.Tensor1D, cfg.numClasses + 1));
  }
  const tembAct = silu(temb);

  let h = conv2d(w, 'in', x);
  const skips: tf.Tensor4D[] = [];
  for (let l = 0; l < ch.length; l++) {
    for (let r = 0; r < cfg.numResBlocks; r++) {
      h = resBlock(w, cfg, `down${l}.res${r}`, h, tembAct, ch[l]);
      if (selfAt(l) || crossAt(l)) h = attn(`down${l}.attn${r}`, h, selfAt(l), crossAt(l));
      skips.push(h);
    }
    if (l < ch.length - 1) h = conv2d(w, `down${l}.down`, h, 2);
  }
  h = resBlock(w, cfg, 'mid.res0', h, tembAct, h.shape[3]);
  h = attn('mid.attn', h, true, hasCross);
  h = resBlock(w, cfg, 'mid.res1', h, tembAct, h.shape[3]);
  for (let l = ch.length - 1; l >= 0; l--) {
    for (let r = 0; r < cfg.numResBlocks; r++) {
      h = tf.concat([h, skips.pop()!], 3);
      h = resBlock(w, cfg, `up${l}.res${r}`, h, tembAct, ch[l]);
      if (selfAt(l) || crossAt(l)) h = attn(`up${l}.attn${r}`, h, selfAt(l), crossAt(l));
    }
    if (l > 0) {
      h = upsample2x(h);
      if (cfg.upsampleConv) h = conv2d(w, `up${l}.up`, h);
    }
  }
  const eps = conv2d(w, 'out.conv', groupNorm(w, 'out.norm', h, groupsFor(cfg, h.shape[3]), 'silu'));
  return opts.returnAttention ? { eps, attention } : { eps };
}

/** Names of the blocks with cross-attention, in the order the forward pass runs them (and returns their maps). */
export function crossBlockNames(cfg: UNetConfig): string[] {
  return describeUNet(cfg).specs.filter((s) => s.name.endsWith('.xq.w')).map((s) => s.name.slice(0, -'.xq.w'.length));
}

/** Fresh weights for a config (plain tensors; wrap with toVariables to train). */
export function initUNet(cfg: UNetConfig, opts: InitOptions = {}): Weights {
  const { specs } = describeUNet(cfg);
  return weightsFromValues(specs, initValues(specs, opts));
}
