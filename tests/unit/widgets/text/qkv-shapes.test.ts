import { describe, expect, it } from 'vitest';
import { unetConfig } from '../../../../src/model/config';
import { finestBlock, qkvShapes } from '../../../../src/widgets/text/qkv-shapes';

describe('qkvShapes', () => {
  it('text-scenes: cross-attention at 16×16 (48 channels) and 8×8 (64), in unetForward order', () => {
    const s = qkvShapes(unetConfig('text-scenes'));
    expect(s.blocks.map((b) => [b.block, b.size, b.channels])).toEqual([
      ['down1.attn0', 16, 48],
      ['down2.attn0', 8, 64],
      ['mid.attn', 8, 64],
      ['up2.attn0', 8, 64],
      ['up1.attn0', 16, 48],
    ]);
    const f = finestBlock(s);
    expect(f).toMatchObject({ queries: 256, channels: 48, heads: 4, headDim: 12, tokens: 16, embedDim: 64 });
    expect(s).toMatchObject({ imageSize: 32, tokens: 16, embedDim: 64, encoderLayers: 1 });
    expect(s.queryPositions).toBe(!!unetConfig('text-scenes').crossQueryPositions);
    expect(qkvShapes(unetConfig('text-scenes', { crossQueryPositions: false })).queryPositions).toBe(false);
  });
  it('the tiny test model has its own shapes', () => {
    const s = qkvShapes(unetConfig('tiny-text'));
    expect(s.blocks.map((b) => `${b.block}@${b.size}`)).toEqual(['down0.attn0@8', 'down1.attn0@4', 'mid.attn@4', 'up1.attn0@4', 'up0.attn0@8']);
    expect(finestBlock(s).headDim).toBe(4);
  });
  it('refuses a model without text', () => {
    expect(() => qkvShapes(unetConfig('mnist-cond'))).toThrow(/no text encoder/);
  });
});
