/**
 * The U-Net's shape (unet.ts): every weight and the multiply-accumulates of
 * one forward pass, from the same walk the forward pass does, without TF.js,
 * so that a page can describe a model (diagram, parameter counts, weight
 * files) without loading the engine that runs it.
 */
import { crossLevels, levelChannels, type UNetConfig } from './config';
import { countParams, type ParamSpec } from './param-spec';
import { describeTextEncoder } from './text-encoder-spec';

export interface UNetDescription {
  specs: ParamSpec[];
  params: number;
  /** Multiply-accumulates per image for one forward pass (convs + matmuls). */
  macsPerImage: number;
  /** 2 × MACs. */
  flopsPerImage: number;
}

/** Walks the architecture once, listing weights and MACs. Mirrors `unetForward`. */
export function describeUNet(cfg: UNetConfig): UNetDescription {
  const specs: ParamSpec[] = [];
  let macs = 0;
  const ch = levelChannels(cfg);
  const conv = (name: string, cin: number, cout: number, k: number, outHW: number, zero = false) => {
    specs.push({ name: `${name}.w`, shape: [k, k, cin, cout], init: zero ? 'zeroFinal' : 'fanIn', fanIn: k * k * cin });
    specs.push({ name: `${name}.b`, shape: [cout], init: 'zeros' });
    macs += outHW * outHW * k * k * cin * cout;
  };
  const lin = (name: string, din: number, dout: number, rows: number, zero = false) => {
    specs.push({ name: `${name}.w`, shape: [din, dout], init: zero ? 'zeroFinal' : 'fanIn', fanIn: din });
    specs.push({ name: `${name}.b`, shape: [dout], init: 'zeros' });
    macs += rows * din * dout;
  };
  const norm = (name: string, c: number) => {
    specs.push({ name: `${name}.gamma`, shape: [c], init: 'ones' });
    specs.push({ name: `${name}.beta`, shape: [c], init: 'zeros' });
  };
  const res = (name: string, cin: number, cout: number, hw: number) => {
    norm(`${name}.norm1`, cin);
    conv(`${name}.conv1`, cin, cout, 3, hw);
    lin(`${name}.temb`, cfg.timeEmbedDim, cout, 1);
    norm(`${name}.norm2`, cout);
    conv(`${name}.conv2`, cout, cout, 3, hw, true);
    if (cin !== cout) conv(`${name}.skip`, cin, cout, 1, hw);
  };
  const L = cfg.text?.maxTokens ?? 0;
  const attn = (name: string, c: number, hw: number, self: boolean, cross: boolean) => {
    const n = hw * hw;
    if (self) {
      norm(`${name}.norm`, c);
      lin(`${name}.qkv`, c, 3 * c, n);
      macs += 2 * n * n * c; // QKᵀ and AV
      lin(`${name}.proj`, c, c, n, true);
    }
    if (cross) {
      norm(`${name}.xnorm`, c);
      if (cfg.crossQueryPositions) specs.push({ name: `${name}.xpos`, shape: [n, c], init: 'fanIn', fanIn: c });
      lin(`${name}.xq`, c, c, n);
      lin(`${name}.xkv`, cfg.contextDim, 2 * c, L); // per token of the context, not per pixel
      macs += 2 * n * L * c;
      lin(`${name}.xproj`, c, c, n, true);
    }
  };
  const selfAt = (l: number) => cfg.attentionLevels.includes(l);
  const crossAt = (l: number) => crossLevels(cfg).includes(l);
  const hasCross = cfg.contextDim > 0;

  lin('time.fc1', cfg.timeFeatureDim, cfg.timeEmbedDim, 1);
  lin('time.fc2', cfg.timeEmbedDim, cfg.timeEmbedDim, 1);
  if (cfg.numClasses > 0) {
    specs.push({ name: 'label.table', shape: [cfg.numClasses + 1, cfg.timeEmbedDim], init: 'fanIn', fanIn: 1 / 3 });
  }
  if (cfg.text) {
    const te = describeTextEncoder(cfg.text);
    specs.push(...te.specs);
    macs += te.macs;
  }
  let hw = cfg.imageSize;
  conv('in', cfg.inChannels, ch[0], 3, hw);
  let cur = ch[0];
  const skips: number[] = [];
  for (let l = 0; l < ch.length; l++) {
    for (let r = 0; r < cfg.numResBlocks; r++) {
      res(`down${l}.res${r}`, cur, ch[l], hw);
      cur = ch[l];
      if (selfAt(l) || crossAt(l)) attn(`down${l}.attn${r}`, cur, hw, selfAt(l), crossAt(l));
      skips.push(cur);
    }
    if (l < ch.length - 1) {
      hw /= 2;
      conv(`down${l}.down`, cur, cur, 3, hw);
    }
  }
  res('mid.res0', cur, cur, hw);
  attn('mid.attn', cur, hw, true, hasCross);
  res('mid.res1', cur, cur, hw);
  for (let l = ch.length - 1; l >= 0; l--) {
    for (let r = 0; r < cfg.numResBlocks; r++) {
      const skip = skips.pop()!;
      res(`up${l}.res${r}`, cur + skip, ch[l], hw);
      cur = ch[l];
      if (selfAt(l) || crossAt(l)) attn(`up${l}.attn${r}`, cur, hw, selfAt(l), crossAt(l));
    }
    if (l > 0) {
      hw *= 2;
      if (cfg.upsampleConv) conv(`up${l}.up`, cur, cur, 3, hw);
    }
  }
  norm('out.norm', cur);
  conv('out.conv', cur, cfg.inChannels, 3, hw, true);
  return { specs, params: countParams(specs), macsPerImage: macs, flopsPerImage: 2 * macs };
}
