import { describe, expect, it } from 'vitest';
import { unetConfig } from '../../../../src/model/config';
import { blockSize, groundingComparison } from '../../../../src/widgets/text/grounding-chart';

const cfg = unetConfig('text-scenes');
const file = (loc: number, byBlock: Record<string, number>, extra: Record<string, unknown> = {}) => ({
  count: 500, digitInCell: 0.98, emptyCell: 0.99, localisation: loc, localisationByBlock: byBlock, args: { steps: '50', guidance: 3 }, ...extra,
});
const blocks = (v: number[]) => Object.fromEntries(['down1.attn0', 'down2.attn0', 'mid.attn', 'up2.attn0', 'up1.attn0'].map((b, i) => [b, v[i]]));

describe('grounding comparison', () => {
  it('labels blocks by the resolution they run at in a 32-pixel, three-level U-Net', () => {
    expect(blockSize('down1.attn0', cfg)).toBe(16);
    expect(blockSize('up2.attn0', cfg)).toBe(8);
    expect(blockSize('mid.attn', cfg)).toBe(8);
  });

  it('pairs the two files block by block, in the order of the after file, with their steps and shared settings', () => {
    const c = groundingComparison(file(0.36, blocks([0.25, 0.27, 0.71, 0.31, 0.24]), { modelStep: 7556 }), file(0.7, blocks([0.6, 0.7, 0.8, 0.7, 0.6]), { modelStep: 9000 }), cfg)!;
    expect(c.rows.map((r) => r.block)).toEqual(['down1.attn0', 'down2.attn0', 'mid.attn', 'up2.attn0', 'up1.attn0']);
    expect(c.rows[2]).toEqual({ block: 'mid.attn', label: 'middle, 8×8', before: 0.71, after: 0.8 });
    expect([c.before, c.after, c.beforeSteps, c.afterSteps]).toEqual([0.36, 0.7, 7556, 9000]);
    expect(c.settings).toEqual({ count: 500, steps: 50, guidance: 3 });
  });

  it('says when the two files were measured differently', () => {
    const b = file(0.36, blocks([0.25, 0.27, 0.71, 0.31, 0.24]), { count: 24 });
    expect(groundingComparison(b, file(0.7, blocks([0.6, 0.7, 0.8, 0.7, 0.6])), cfg)!.settings).toBeNull();
  });

  it('gives null rather than a partial chart for a missing file, a missing block or a share outside 0..1', () => {
    const good = file(0.7, blocks([0.6, 0.7, 0.8, 0.7, 0.6]));
    expect(groundingComparison(undefined, good, cfg)).toBeNull();
    expect(groundingComparison({ localisation: 0.36 }, good, cfg)).toBeNull();
    const { 'mid.attn': _, ...four } = blocks([0.25, 0.27, 0.71, 0.31, 0.24]);
    expect(groundingComparison(file(0.36, four), good, cfg)).toBeNull();
    expect(groundingComparison(file(0.36, blocks([0.25, 0.27, 1.71, 0.31, 0.24])), good, cfg)).toBeNull();
  });
});
