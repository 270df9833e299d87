import { textEncoderProblems, type TextEncoderConfig } from './text-encoder-spec';
import { MAX_TOKENS, VOCAB_SIZE } from '../text/vocabulary';

/**
 * The U-Net's shape, as plain data. One config fully determines the weights'
 * names and shapes, so a weight file stores its config and can be checked
 * against it.
 */
export interface UNetConfig {
  /** Input/output image size (square) and channels. */
  imageSize: number;
  inChannels: number;
  /** Channels at the first level; level i has baseChannels * channelMults[i]. */
  baseChannels: number;
  channelMults: number[];
  /** Residual blocks per level on the way down (the way up has the same number). */
  numResBlocks: number;
  /** Levels (0 = full resolution) whose blocks get self-attention. */
  attentionLevels: number[];
  /** Heads of every attention layer. */
  numHeads: number;
  /** Groups of GroupNorm (clamped to the channel count, must divide it). */
  groups: number;
  /** Size of the sinusoidal timestep features; the time MLP widens them to timeEmbedDim. */
  timeFeatureDim: number;
  timeEmbedDim: number;
  /** Number of classes; 0 = unconditional. Class `numClasses` is the "no label" entry. */
  numClasses: number;
  /**
   * Size of a text context vector for cross-attention; 0 = no cross-attention.
   * When set, the mid block and every level in `crossAttentionLevels` attend to
   * the context [B, L, contextDim].
   */
  contextDim: number;
  /**
   * Levels whose blocks get cross-attention (default: the same as
   * attentionLevels). A level here but not in attentionLevels gets
   * cross-attention only, which is much cheaper at high resolution.
   */
  crossAttentionLevels?: number[];
  /**
   * Add a learnt position embedding to the pixels' cross-attention queries.
   * Convolutions only sense position through the image border, so without it
   * a pixel finds it hard to ask "am I top left?", and the words that name a
   * place have nothing to match.
   */
  crossQueryPositions?: boolean;
  /** The text encoder that makes the context from token ids (text models only). */
  text?: TextEncoderConfig;
  /** Follow each nearest-neighbour upsampling with a 3×3 conv (costly at full resolution). */
  upsampleConv: boolean;
  /** Length of the diffusion the model was trained for (only stored, for cards and checks). */
  timesteps: number;
}

const mnistCond: UNetConfig = {
  imageSize: 28,
  inChannels: 1,
  baseChannels: 24,
  channelMults: [1, 2, 2],
  numResBlocks: 1,
  attentionLevels: [2],
  numHeads: 4,
  groups: 8,
  timeFeatureDim: 32,
  timeEmbedDim: 128,
  numClasses: 10,
  contextDim: 0,
  upsampleConv: false,
  timesteps: 1000,
};

/** A few thousand parameters: for browser tests and gradient checks. */
const tiny: UNetConfig = {
  imageSize: 8,
  inChannels: 1,
  baseChannels: 8,
  channelMults: [1, 2],
  numResBlocks: 1,
  attentionLevels: [1],
  numHeads: 2,
  groups: 4,
  timeFeatureDim: 8,
  timeEmbedDim: 16,
  numClasses: 10,
  contextDim: 0,
  upsampleConv: true,
  timesteps: 1000,
};

/**
 * Text-conditioned 32×32 scenes (lessons 6–8). Cross-attention at 16×16 and
 * 8×8 (levels 1, 2) as the lesson describes; self-attention only at 8×8,
 * where it is cheap. The text encoder is one transformer layer.
 */
const textScenes: UNetConfig = {
  imageSize: 32,
  inChannels: 1,
  // Narrow at 32×32, where convs cost most; wider at 16×16 and 8×8, where the text is read.
  baseChannels: 16,
  channelMults: [1, 3, 4],
  numResBlocks: 1,
  attentionLevels: [2],
  crossAttentionLevels: [1, 2],
  crossQueryPositions: true,
  numHeads: 4,
  groups: 8,
  timeFeatureDim: 32,
  timeEmbedDim: 128,
  numClasses: 0,
  contextDim: 64,
  text: { vocabSize: VOCAB_SIZE, maxTokens: MAX_TOKENS, dim: 64, layers: 1, heads: 4, mlpDim: 128 },
  upsampleConv: false,
  timesteps: 1000,
};

/** A tiny text model for browser tests and gradient checks. */
const tinyText: UNetConfig = {
  ...tiny,
  numClasses: 0,
  contextDim: 16,
  attentionLevels: [1],
  crossAttentionLevels: [0, 1],
  crossQueryPositions: true,
  text: { vocabSize: VOCAB_SIZE, maxTokens: MAX_TOKENS, dim: 16, layers: 1, heads: 2, mlpDim: 32 },
};

export const UNET_PRESETS = {
  tiny,
  'tiny-text': tinyText,
  'text-scenes': textScenes,
  default: mnistCond,
  'mnist-cond': mnistCond,
} satisfies Record<string, UNetConfig>;

export type UNetPresetName = keyof typeof UNET_PRESETS;

export function unetConfig(name: string, overrides: Partial<UNetConfig> = {}): UNetConfig {
  const base = (UNET_PRESETS as Record<string, UNetConfig>)[name];
  if (!base) throw new Error(`Unknown U-Net config "${name}"; known: ${Object.keys(UNET_PRESETS).join(', ')}.`);
  const cfg = { ...base, ...overrides, channelMults: [...(overrides.channelMults ?? base.channelMults)] };
  const text = overrides.text ?? base.text;
  if (text) cfg.text = { ...text };
  validateConfig(cfg);
  return cfg;
}

export function levelChannels(cfg: UNetConfig): number[] {
  return cfg.channelMults.map((m) => cfg.baseChannels * m);
}

export function groupsFor(cfg: UNetConfig, channels: number): number {
  const g = Math.min(cfg.groups, channels);
  if (channels % g !== 0) throw new Error(`GroupNorm: ${channels} channels do not split into ${g} groups.`);
  return g;
}

export function validateConfig(cfg: UNetConfig): void {
  const problems: string[] = [];
  const posInt = (k: keyof UNetConfig) => {
    const v = cfg[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) problems.push(`${k} must be a positive integer`);
  };
  for (const k of ['imageSize', 'inChannels', 'baseChannels', 'numResBlocks', 'numHeads', 'groups', 'timeFeatureDim', 'timeEmbedDim', 'timesteps'] as const) posInt(k);
  if (!Array.isArray(cfg.channelMults) || cfg.channelMults.length === 0) problems.push('channelMults must be a non-empty array');
  if (cfg.timeFeatureDim % 2 !== 0) problems.push('timeFeatureDim must be even');
  const levels = cfg.channelMults.length;
  if (cfg.imageSize % 2 ** (levels - 1) !== 0) problems.push(`imageSize ${cfg.imageSize} must be divisible by 2^${levels - 1}`);
  for (const l of cfg.attentionLevels) if (l < 0 || l >= levels) problems.push(`attention level ${l} out of range`);
  for (const c of levelChannels(cfg)) {
    const g = Math.min(cfg.groups, c);
    if (c % g !== 0) problems.push(`${c} channels do not split into ${g} groups`);
    if (cfg.attentionLevels.length && c % cfg.numHeads !== 0) problems.push(`${c} channels do not split into ${cfg.numHeads} heads`);
  }
  if (cfg.numClasses < 0 || !Number.isInteger(cfg.numClasses)) problems.push('numClasses must be an integer ≥ 0');
  if (cfg.contextDim < 0 || !Number.isInteger(cfg.contextDim)) problems.push('contextDim must be an integer ≥ 0');
  for (const l of cfg.crossAttentionLevels ?? []) if (l < 0 || l >= levels) problems.push(`cross-attention level ${l} out of range`);
  if (cfg.crossAttentionLevels && cfg.contextDim === 0) problems.push('crossAttentionLevels needs contextDim > 0');
  if (cfg.crossQueryPositions && cfg.contextDim === 0) problems.push('crossQueryPositions needs contextDim > 0');
  for (const l of crossLevels(cfg)) {
    if (levelChannels(cfg)[l] % cfg.numHeads !== 0) problems.push(`${levelChannels(cfg)[l]} channels do not split into ${cfg.numHeads} heads`);
  }
  if (cfg.text) problems.push(...textEncoderProblems(cfg.text, cfg.contextDim));
  if (problems.length) throw new Error(`Invalid U-Net config: ${problems.join('; ')}.`);
}

/** Levels whose blocks attend to the text context (none without one). */
export function crossLevels(cfg: UNetConfig): number[] {
  if (cfg.contextDim === 0) return [];
  return cfg.crossAttentionLevels ?? cfg.attentionLevels;
}
