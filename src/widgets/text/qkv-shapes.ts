/**
 * The shapes of every cross-attention block of a text model, read from its
 * config (never written by hand), for the lesson's formula and its
 * queries/keys/values diagram. Mirrors the block order of unetForward.
 */
import { crossLevels, levelChannels, type UNetConfig } from '../../model/config';

export interface CrossBlockShape {
  /** Block name as the attention maps carry it, e.g. "down1.attn0". */
  block: string;
  /** Grid side: queries = size². */
  size: number;
  queries: number;
  /** Channels of the image features = width of Q, K and V. */
  channels: number;
  heads: number;
  /** Channels per head, d in softmax(QKᵀ/√d). */
  headDim: number;
  /** Token positions (keys and values). */
  tokens: number;
  /** Width of a token embedding (the text encoder's output). */
  embedDim: number;
}

export interface QkvShapes {
  imageSize: number;
  tokens: number;
  embedDim: number;
  vocab: number;
  encoderLayers: number;
  /** A learnt position table P [HW × C] is added to the features before W_Q (config.crossQueryPositions). */
  queryPositions: boolean;
  blocks: CrossBlockShape[];
}

export function qkvShapes(cfg: UNetConfig): QkvShapes {
  if (!cfg.text || cfg.contextDim <= 0) throw new Error('this model has no text encoder, so no cross-attention');
  const ch = levelChannels(cfg);
  const L = cfg.text.maxTokens;
  const D = cfg.contextDim;
  const make = (block: string, level: number): CrossBlockShape => {
    const size = cfg.imageSize / 2 ** level;
    const c = ch[level];
    return { block, size, queries: size * size, channels: c, heads: cfg.numHeads, headDim: c / cfg.numHeads, tokens: L, embedDim: D };
  };
  const levels = crossLevels(cfg);
  const blocks: CrossBlockShape[] = [];
  for (let l = 0; l < ch.length; l++) {
    if (!levels.includes(l)) continue;
    for (let r = 0; r < cfg.numResBlocks; r++) blocks.push(make(`down${l}.attn${r}`, l));
  }
  blocks.push(make('mid.attn', ch.length - 1));
  for (let l = ch.length - 1; l >= 0; l--) {
    if (!levels.includes(l)) continue;
    for (let r = 0; r < cfg.numResBlocks; r++) blocks.push(make(`up${l}.attn${r}`, l));
  }
  return { imageSize: cfg.imageSize, tokens: L, embedDim: D, vocab: cfg.text.vocabSize, encoderLayers: cfg.text.layers, queryPositions: !!cfg.crossQueryPositions, blocks };
}

/** The block with the most queries (the finest grid), the one the lesson's formula spells out. */
export function finestBlock(s: QkvShapes): CrossBlockShape {
  return s.blocks.reduce((a, b) => (b.queries > a.queries ? b : a));
}
