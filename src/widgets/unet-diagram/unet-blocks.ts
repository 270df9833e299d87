/**
 * The U-Net as a list of blocks for the diagram: each block's input and
 * output tensor shape and its parameter count, read from `describeUNet` (the
 * same walk the forward pass does), so the diagram cannot drift from the code.
 */
import { levelChannels, type UNetConfig } from '../../model/config';
import { describeUNet } from '../../model/unet-spec';
import { sizeOf } from '../../model/param-spec';
import { m } from '../../i18n/messages';

export type BlockKind = 'embed' | 'conv' | 'res' | 'attn' | 'down' | 'up' | 'out';

export interface UNetBlock {
  id: string;
  kind: BlockKind;
  title: string;
  /** What the block does, in one sentence. */
  what: string;
  /** Resolution level: 0 = full size; the middle is the deepest. */
  level: number;
  side: 'embed' | 'down' | 'mid' | 'up';
  inShape: number[];
  outShape: number[];
  params: number;
  /** Weight tensors of the block: name and shape. */
  weights: { name: string; shape: number[] }[];
  /** For up-path res blocks: the id of the down block whose output arrives by the skip. */
  skipFrom?: string;
}

export interface UNetLayout {
  blocks: UNetBlock[];
  params: number;
  macsPerImage: number;
  levels: number;
}

const KIND_WHAT: Readonly<Record<BlockKind, string>> = {
  embed: '',
  get conv() { return m.unet_what_conv(); },
  get res() { return m.unet_what_res(); },
  get attn() { return m.unet_what_attn(); },
  get down() { return m.unet_what_down(); },
  get up() { return m.unet_what_up(); },
  get out() { return m.unet_what_out(); },
};

export function unetBlocks(cfg: UNetConfig): UNetLayout {
  const d = describeUNet(cfg);
  const byPrefix = (id: string) => d.specs.filter((s) => s.name.startsWith(`${id}.`)).map((s) => ({ name: s.name, shape: [...s.shape] }));
  const blocks: UNetBlock[] = [];
  const add = (id: string, kind: BlockKind, title: string, level: number, side: UNetBlock['side'], inShape: number[], outShape: number[], extra: Partial<UNetBlock> = {}) => {
    const weights = byPrefix(id);
    blocks.push({ id, kind, title, what: KIND_WHAT[kind], level, side, inShape, outShape, weights, params: weights.reduce((n, w) => n + sizeOf(w.shape), 0), ...extra });
  };
  const ch = levelChannels(cfg);
  const E = cfg.timeEmbedDim;
  add('time', 'embed', m.unet_time(), -1, 'embed', [1], [E], {
    what: m.unet_time_what({ features: cfg.timeFeatureDim, E }),
  });
  if (cfg.numClasses > 0) {
    add('label', 'embed', m.unet_label(), -1, 'embed', [1], [E], {
      what: m.unet_label_what({ n: cfg.numClasses + 1, E }),
    });
  }
  let hw = cfg.imageSize;
  add('in', 'conv', m.unet_in(), 0, 'down', [hw, hw, cfg.inChannels], [hw, hw, ch[0]]);
  let cur = ch[0];
  const skips: string[] = [];
  for (let l = 0; l < ch.length; l++) {
    for (let r = 0; r < cfg.numResBlocks; r++) {
      add(`down${l}.res${r}`, 'res', m.unet_res_down({ l }), l, 'down', [hw, hw, cur], [hw, hw, ch[l]]);
      cur = ch[l];
      let last = `down${l}.res${r}`;
      if (cfg.attentionLevels.includes(l)) {
        add(`down${l}.attn${r}`, 'attn', m.unet_attn_down({ l }), l, 'down', [hw, hw, cur], [hw, hw, cur]);
        last = `down${l}.attn${r}`;
      }
      skips.push(last);
    }
    if (l < ch.length - 1) {
      add(`down${l}.down`, 'down', m.unet_downsample({ a: hw, b: hw / 2 }), l, 'down', [hw, hw, cur], [hw / 2, hw / 2, cur]);
      hw /= 2;
    }
  }
  const deep = ch.length;
  add('mid.res0', 'res', m.unet_mid_res(), deep, 'mid', [hw, hw, cur], [hw, hw, cur]);
  add('mid.attn', 'attn', m.unet_mid_attn(), deep, 'mid', [hw, hw, cur], [hw, hw, cur]);
  add('mid.res1', 'res', m.unet_mid_res(), deep, 'mid', [hw, hw, cur], [hw, hw, cur]);
  for (let l = ch.length - 1; l >= 0; l--) {
    for (let r = 0; r < cfg.numResBlocks; r++) {
      const from = skips.pop()!;
      const skipC = blocks.find((b) => b.id === from)!.outShape[2];
      add(`up${l}.res${r}`, 'res', m.unet_res_up({ l }), l, 'up', [hw, hw, cur + skipC], [hw, hw, ch[l]], {
        skipFrom: from,
        what: `${KIND_WHAT.res} ${m.unet_res_up_what({ from, cur, skip: skipC })}`,
      });
      cur = ch[l];
      if (cfg.attentionLevels.includes(l)) add(`up${l}.attn${r}`, 'attn', m.unet_attn_up({ l }), l, 'up', [hw, hw, cur], [hw, hw, cur]);
    }
    if (l > 0) {
      add(`up${l}.up`, 'up', m.unet_upsample({ a: hw, b: hw * 2 }), l, 'up', [hw, hw, cur], [hw * 2, hw * 2, cur], cfg.upsampleConv ? { what: `${KIND_WHAT.up} ${m.unet_conv_follows()}` } : {});
      hw *= 2;
    }
  }
  add('out', 'out', m.unet_out(), 0, 'up', [hw, hw, cur], [hw, hw, cfg.inChannels]);
  return { blocks, params: d.params, macsPerImage: d.macsPerImage, levels: ch.length };
}

export const shapeText = (s: number[]) => (s.length === 3 ? `${s[0]}×${s[1]}×${s[2]}` : s.length === 1 ? `${s[0]}` : s.join('×'));
