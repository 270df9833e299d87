/**
 * The text encoder's shape (text-encoder.ts): its configuration, the list of
 * its weights and its checks, without TF.js, so that a page can describe a
 * model without loading the engine that runs it.
 */
import type { ParamSpec } from './params';

export interface TextEncoderConfig {
  vocabSize: number;
  /** Token positions read; longer prompts are cut by the tokenizer. */
  maxTokens: number;
  /** Width of the embeddings (= the U-Net's contextDim). */
  dim: number;
  layers: number;
  heads: number;
  /** Hidden width of each layer's MLP. */
  mlpDim: number;
}

export const LAYER_NORM_EPS = 1e-5;

/** The encoder's weights (names start with "text.") and multiply-accumulates per prompt. */
export function describeTextEncoder(tc: TextEncoderConfig): { specs: ParamSpec[]; macs: number } {
  const specs: ParamSpec[] = [];
  let macs = 0;
  const L = tc.maxTokens;
  const D = tc.dim;
  const lin = (name: string, din: number, dout: number, zero = false) => {
    specs.push({ name: `${name}.w`, shape: [din, dout], init: zero ? 'zeroFinal' : 'fanIn', fanIn: din });
    specs.push({ name: `${name}.b`, shape: [dout], init: 'zeros' });
    macs += L * din * dout;
  };
  const ln = (name: string) => {
    specs.push({ name: `${name}.gamma`, shape: [D], init: 'ones' });
    specs.push({ name: `${name}.beta`, shape: [D], init: 'zeros' });
  };
  // fanIn 1/3 makes the uniform init's variance 1, like nn.Embedding's N(0, 1).
  specs.push({ name: 'text.token', shape: [tc.vocabSize, D], init: 'fanIn', fanIn: 1 / 3 });
  specs.push({ name: 'text.position', shape: [L, D], init: 'fanIn', fanIn: 1 / 3 });
  for (let i = 0; i < tc.layers; i++) {
    const p = `text.layer${i}`;
    ln(`${p}.ln1`);
    lin(`${p}.qkv`, D, 3 * D);
    macs += 2 * L * L * D;
    lin(`${p}.proj`, D, D, true);
    ln(`${p}.ln2`);
    lin(`${p}.fc1`, D, tc.mlpDim);
    lin(`${p}.fc2`, tc.mlpDim, D, true);
  }
  ln('text.lnFinal');
  return { specs, macs };
}

export function textEncoderProblems(tc: TextEncoderConfig, contextDim: number): string[] {
  const p: string[] = [];
  for (const k of ['vocabSize', 'maxTokens', 'dim', 'layers', 'heads', 'mlpDim'] as const) {
    if (!Number.isInteger(tc[k]) || tc[k] <= 0) p.push(`text.${k} must be a positive integer`);
  }
  if (tc.dim !== contextDim) p.push(`text.dim (${tc.dim}) must equal contextDim (${contextDim})`);
  if (tc.dim % tc.heads !== 0) p.push(`text.dim ${tc.dim} does not split into ${tc.heads} heads`);
  return p;
}
