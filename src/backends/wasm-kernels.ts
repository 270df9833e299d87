/**
 * Gradient kernels that TF.js 4.22's wasm backend lacks (or runs slowly),
 * built from the wasm backend's own fast kernels (XNNPACK convolutions and
 * matmuls). Shared by the Node trainer and a browser wasm fallback: call
 * `registerWasmTrainingKernels()` once after importing
 * '@tensorflow/tfjs-backend-wasm'.
 *
 * - Conv2DBackpropFilter (missing): dW[kh,kw,ci,co] = Σ_{b,i,j} x[b, i·s+kh−p, j·s+kw−p, ci] · dy[b,i,j,co]
 *   is itself a convolution: batch ↔ channel swapped, dy as the filter, the
 *   stride becoming a dilation. Or, as an alternative, im2col + one matmul.
 *   DDConv2DFilterBiasGrad gives the bias gradient from the same convolution.
 * - Conv2DBackpropInput (present but a plain loop): for stride 1 it is a
 *   convolution of dy with the 180°-rotated, in/out-swapped filter; for
 *   stride s, s² small convolutions, one per output phase (inputGradPhases).
 * - DDGroupNormAct (+ its gradient): GroupNorm as plain JS loops over the
 *   wasm heap (two passes instead of ~35 kernel calls), SiLU through the
 *   backend's SIMD Sigmoid.
 * - DDUpsample2x (+ its gradient): nearest 2× upsampling as one copy pass,
 *   and its gradient as one pass of 2×2 sums, instead of a broadcast add and a
 *   five-dimensional Sum.
 * - DDAdamEma: Adam + EMA of one parameter in one JS pass, and
 *   DDSumOfSquares: the gradients' global norm in one call (see adam-kernel.ts).
 * - Sum over leading axes (every bias gradient: Σ over batch and pixels),
 *   which the stock kernel does by a full transpose first: as ones · X, one
 *   XNNPACK matmul; over a block of middle axes (the gradient of the time
 *   embedding added to every pixel): one JS pass.
 * - BatchMatMul with transposeA/transposeB (present but 5–15× slower than
 *   the plain case): transpose explicitly, then multiply. Every weight
 *   gradient of a dense layer is such a product. Batched products (attention,
 *   one per image and head) go through a depthwise convolution instead, see
 *   batchedMatMulDepthwise.
 * - SplitV (attention's q/k/v split and the gradient of every skip
 *   concatenation) and Concat: row moves within the heap (copyRows), instead
 *   of the stock kernels' element loop or a subarray per row.
 * - Identity (a full copy in wasm): shares the buffer and bumps its
 *   reference count, as the webgl and cpu backends do. The engine clones every
 *   tensor it saves for the backward pass, so the copy cost ~4% of a step;
 *   sharing is safe because tensors are immutable (a variable's assign
 *   swaps buffers rather than writing into one).
 */
import * as tf from '@tensorflow/tfjs';
import type { TensorInfo, KernelConfig, NamedAttrMap, NamedTensorInfoMap } from '@tensorflow/tfjs';
import { adamEmaArrays, FUSED_ADAM, SUM_OF_SQUARES, sumOfSquaresArrays, type AdamEmaAttrs } from './adam-kernel';
import { FUSED_GROUP_NORM, FUSED_GROUP_NORM_GRAD, groupNormActBackward, groupNormForward } from '../model/layers/norm';
import { FUSED_UPSAMPLE, FUSED_UPSAMPLE_GRAD, upsample2xArrays, upsample2xGradArrays } from '../model/layers/resample';
import { CONV_FILTER_BIAS_GRAD } from '../model/layers/conv';

type Backend = { disposeData(id: object): void; incRef(id: object): void };
type WasmBackend = Backend & {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
};

function runKernel(name: string, backend: Backend, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
  const k = tf.getKernel(name, 'wasm');
  if (!k) throw new Error(`wasm backend has no ${name} kernel`);
  return k.kernelFunc({ inputs, backend: backend as never, attrs }) as TensorInfo;
}

/**
 * Puts our kernel in place of the stock wasm one; ours may hand a case it does
 * not cover back to the stock kernel, whose setup (binding its wasm function)
 * it keeps.
 */
function replaceWasmKernel(name: string, ours: (stock: tf.KernelFunc) => tf.KernelFunc): void {
  const stock = tf.getKernel(name, 'wasm');
  if (!stock) return;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ kernelName: name, backendName: 'wasm', setupFunc: stock.setupFunc, kernelFunc: ours(stock.kernelFunc) });
}

function free(backend: Backend, ...infos: TensorInfo[]) {
  for (const i of infos) backend.disposeData(i.dataId);
}

export type FilterGradMethod = 'dilated-conv' | 'im2col';
export type InputGradMethod = 'stock' | 'conv';

let filterMethod: FilterGradMethod = 'dilated-conv';
let inputMethod: InputGradMethod = 'conv';

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function convInfo(xShape: number[], filterShape: number[], attrs: ConvAttrs) {
  if (attrs.dataFormat && attrs.dataFormat !== 'NHWC') throw new Error('only NHWC convolutions are supported');
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}

/**
 * Images b0 … b0+n−1 of x [B, H, W, C] → [C (+1), Hc, Wc, n]: the channels as
 * a batch of images whose channels are those images, cropped to the first Hc
 * rows and Wc columns. With `ones`, an extra image of ones is appended, for
 * the bias gradient (see filterGradDilated).
 */
export function channelsAsImages(
  x: Float32Array, shape: readonly number[], out: Float32Array, ones = false, b0 = 0, n = shape[0], Hc = shape[1], Wc = shape[2],
): void {
  const [, H, W, C] = shape;
  const img = H * W * C;
  const plane = Hc * Wc * n;
  for (let i = 0; i < Hc; i++) {
    for (let j = 0; j < Wc; j++) {
      const src = ((b0 * H + i) * W + j) * C;
      const m = i * Wc + j;
      for (let c = 0; c < C; c++) {
        let o = c * plane + m * n;
        for (let b = 0, k = src + c; b < n; b++, k += img) out[o++] = x[k];
      }
    }
  }
  if (ones) out.fill(1, C * plane, (C + 1) * plane);
}

/** Images b0 … b0+n−1 of dy [B, Ho, Wo, Co] → [Ho, Wo, n, Co]: the filter of filterGradDilated's conv. */
export function pixelsOuter(dy: Float32Array, shape: readonly number[], out: Float32Array, b0 = 0, n = shape[0]): void {
  const [, Ho, Wo, Co] = shape;
  const M = Ho * Wo;
  for (let b = 0; b < n; b++) {
    for (let m = 0, si = (b0 + b) * M * Co; m < M; m++, si += Co) out.set(dy.subarray(si, si + Co), (m * n + b) * Co);
  }
}

/**
 * Floats of dy per chunk of images in filterGradDilated. The conv's filter
 * (dy here) is rearranged into XNNPACK's layout on every call, and on the
 * whole batch's dy, far larger than the cache, that costs a good part of the
 * conv; on chunks of a few images it costs less per float. The partial
 * gradients are then summed. Much smaller chunks lose more in the conv itself
 * (fewer input channels per tap) than they save.
 */
let filterChunkFloats = 1 << 18;

/**
 * dW via dilated forward convolutions over transposed tensors, one per chunk
 * of images (see filterChunkFloats); with `withBias`, the bias gradient Σ dy
 * too, from the same convolutions: an extra input image of ones, read at the
 * tap (top, left pad) that every output position reaches inside the image,
 * sums dy over batch and pixels, which saves the separate full read of dy a
 * Sum costs.
 */
function filterGradDilated(x: TensorInfo, dy: TensorInfo, filterShape: number[], attrs: ConvAttrs, backend: Backend, withBias = false): TensorInfo[] {
  const be = backend as WasmBackend;
  const info = convInfo(x.shape, filterShape, attrs);
  const [kh, kw, cin, cout] = filterShape;
  const [B, H, W] = x.shape;
  const [, Ho, Wo] = dy.shape;
  const sH = info.strideHeight;
  const sW = info.strideWidth;
  const pT = info.padInfo.top;
  const pL = info.padInfo.left;
  const bias = withBias && pT < kh && pL < kw;
  // Bottom/right padding that makes the output exactly kh×kw; negative: rows and columns the conv never reads, cropped.
  const pB = kh - 1 + (Ho - 1) * sH + 1 - H - pT;
  const pR = kw - 1 + (Wo - 1) * sW + 1 - W - pL;
  const Hc = H + Math.min(0, pB);
  const Wc = W + Math.min(0, pR);
  const imgs = cin + (bias ? 1 : 0);
  const chunks = Math.max(1, Math.min(B, Math.ceil((B * Ho * Wo * cout) / filterChunkFloats)));
  // The images are the conv's input channels, and XNNPACK's kernels take those in fours: an even split
  // into chunks of, say, 13 images measured slower than chunks of 16 and one smaller last chunk.
  const g = Math.min(B, 4 * Math.ceil(B / chunks / 4));
  const acc = new Float32Array(imgs * kh * kw * cout);
  for (let b0 = 0; b0 < B; b0 += g) {
    const n = Math.min(g, B - b0);
    const xt = be.makeOutput([imgs, Hc, Wc, n], 'float32');
    const dyt = be.makeOutput([Ho, Wo, n, cout], 'float32'); // both allocated before taking views: growth detaches them
    channelsAsImages(be.typedArrayFromHeap(x), x.shape, be.typedArrayFromHeap(xt), bias, b0, n, Hc, Wc);
    pixelsOuter(be.typedArrayFromHeap(dy), dy.shape, be.typedArrayFromHeap(dyt), b0, n);
    const o = runKernel('Conv2D', backend, { x: xt, filter: dyt }, {
      strides: [1, 1],
      pad: [[0, 0], [pT, Math.max(0, pB)], [pL, Math.max(0, pR)], [0, 0]],
      dataFormat: 'NHWC',
      dilations: [sH, sW],
    }); // [Cin (+1), kh, kw, Cout]
    const part = be.typedArrayFromHeap(o);
    for (let i = 0; i < acc.length; i++) acc[i] += part[i];
    free(backend, xt, dyt, o);
  }
  const out = be.makeOutput([kh, kw, cin, cout], 'float32');
  const dw = be.typedArrayFromHeap(out);
  for (let c = 0; c < cin; c++) {
    for (let t = 0; t < kh * kw; t++) dw.set(acc.subarray((c * kh * kw + t) * cout, (c * kh * kw + t + 1) * cout), (t * cin + c) * cout);
  }
  if (!withBias) return [out];
  if (!bias) return [out, runKernel('Sum', backend, { x: dy }, { axis: [0, 1, 2], keepDims: false })];
  const db = be.makeOutput([cout], 'float32');
  const at = ((cin * kh + pT) * kw + pL) * cout;
  be.typedArrayFromHeap(db).set(acc.subarray(at, at + cout));
  return [out, db];
}

/** dW via im2col: patches [B·Ho·Wo, kh·kw·Cin]ᵀ · dy [B·Ho·Wo, Cout]. */
function filterGradIm2col(x: TensorInfo, dy: TensorInfo, filterShape: number[], attrs: ConvAttrs, backend: Backend): TensorInfo {
  const info = convInfo(x.shape, filterShape, attrs);
  const [kh, kw, cin, cout] = filterShape;
  const [b, H, W] = x.shape;
  const [, Ho, Wo] = dy.shape;
  const sH = info.strideHeight;
  const sW = info.strideWidth;
  const { top, left } = info.padInfo;
  const bottom = Math.max(0, (Ho - 1) * sH + kh - H - top);
  const right = Math.max(0, (Wo - 1) * sW + kw - W - left);
  const xp = runKernel('PadV2', backend, { x }, { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 });
  const cols: TensorInfo[] = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      cols.push(runKernel('StridedSlice', backend, { x: xp }, {
        begin: [0, i, j, 0],
        end: [b, i + (Ho - 1) * sH + 1, j + (Wo - 1) * sW + 1, cin],
        strides: [1, sH, sW, 1],
        beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0,
      }));
    }
  }
  const patches = cols.length === 1 ? cols[0] : runKernel('Concat', backend, cols as never, { axis: 3 });
  const p2 = runKernel('Reshape', backend, { x: patches }, { shape: [1, b * Ho * Wo, kh * kw * cin] });
  const d2 = runKernel('Reshape', backend, { x: dy }, { shape: [1, b * Ho * Wo, cout] });
  const m = runKernel('BatchMatMul', backend, { a: p2, b: d2 }, { transposeA: true, transposeB: false });
  const out = runKernel('Reshape', backend, { x: m }, { shape: [kh, kw, cin, cout] });
  // wasm Reshape shares the buffer and bumps its reference count, so each reshape is freed too.
  free(backend, xp, ...cols, p2, d2, m);
  if (cols.length !== 1) free(backend, patches);
  return out;
}

/** One phase r of a strided conv's input gradient along one axis (see inputGradPhases). */
interface Phase { taps: number; first: number; rows: number; padTop: number; padBottom: number; start: number }

function phasesAlong(k: number, s: number, pad: number, inSize: number, outSize: number): Phase[] {
  const phases: Phase[] = [];
  for (let r = 0; r < s; r++) {
    const taps = r < k ? Math.ceil((k - r) / s) : 0;
    const a0 = Math.ceil((pad - r) / s);
    const a1 = Math.floor((inSize - 1 + pad - r) / s);
    const rows = a1 - a0 + 1;
    const padTop = taps - 1 - a0;
    phases.push({ taps, first: s * a0 + r - pad, rows, padTop, padBottom: rows + taps - 1 - outSize - padTop, start: k - 1 - r - s * (taps - 1) });
  }
  return phases;
}

/**
 * dx of a strided conv without the zeros. Input row m = s·a + r − pad only
 * meets the taps t ≡ r (mod s): dx[s·a + r − pad] = Σ_j dy[a − j]·w[r + s·j].
 * So each of the s×s phases is a small stride-1 conv of dy with every s-th
 * tap of the rotated filter, and the phases interleave into dx. Zero
 * insertion does s² times the work (4× for the U-Net's stride-2 convs).
 * Returns null when a phase would need negative padding (then the caller
 * inserts zeros instead).
 */
function inputGradPhases(dy: TensorInfo, wt: TensorInfo, inputShape: number[], info: tf.backend_util.Conv2DInfo, backend: Backend): TensorInfo | null {
  const [kh, kw, cout, cin] = wt.shape;
  const [b, H, W] = inputShape;
  const [, Ho, Wo] = dy.shape;
  const sH = info.strideHeight;
  const sW = info.strideWidth;
  const ph = phasesAlong(kh, sH, info.padInfo.top, H, Ho);
  const pw = phasesAlong(kw, sW, info.padInfo.left, W, Wo);
  const live = (p: Phase) => p.taps > 0 && p.rows > 0;
  if ([...ph, ...pw].some((p) => live(p) && (p.padTop < 0 || p.padBottom < 0))) return null;
  const parts: { out: TensorInfo; h: Phase; w: Phase }[] = [];
  for (const h of ph) {
    for (const w of pw) {
      if (!live(h) || !live(w)) continue;
      const sub = runKernel('StridedSlice', backend, { x: wt }, {
        begin: [h.start, w.start, 0, 0],
        end: [h.start + sH * (h.taps - 1) + 1, w.start + sW * (w.taps - 1) + 1, cout, cin],
        strides: [sH, sW, 1, 1],
        beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0,
      });
      const out = runKernel('Conv2D', backend, { x: dy, filter: sub }, {
        strides: [1, 1], pad: [[0, 0], [h.padTop, h.padBottom], [w.padTop, w.padBottom], [0, 0]], dataFormat: 'NHWC', dilations: [1, 1],
      });
      free(backend, sub);
      parts.push({ out, h, w });
    }
  }
  const be = backend as WasmBackend;
  const dxInfo = be.makeOutput([b, H, W, cin], 'float32'); // allocate before taking views: growth detaches them
  const dx = be.typedArrayFromHeap(dxInfo);
  dx.fill(0);
  for (const { out, h, w } of parts) {
    const src = be.typedArrayFromHeap(out);
    let si = 0;
    for (let n = 0; n < b; n++) {
      for (let i = 0; i < h.rows; i++) {
        const rowBase = (n * H + h.first + sH * i) * W;
        for (let j = 0; j < w.rows; j++) {
          let di = (rowBase + w.first + sW * j) * cin;
          for (let c = 0; c < cin; c++) dx[di++] = src[si++];
        }
      }
    }
    free(backend, out);
  }
  return dxInfo;
}

/**
 * w [kh, kw, Cin, Cout] rotated 180° with in and out swapped: [kh, kw, Cout, Cin],
 * the filter of the input gradient's conv, in one pass: the stock Reverse and
 * Transpose took a noticeable share of the small 7×7 input gradients.
 */
export function rotateSwap(w: Float32Array, shape: readonly number[], out: Float32Array): void {
  const [kh, kw, cin, cout] = shape;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const src = (i * kw + j) * cin * cout;
      const dst = ((kh - 1 - i) * kw + (kw - 1 - j)) * cout * cin;
      for (let ci = 0; ci < cin; ci++) for (let co = 0, k = src + ci * cout; co < cout; co++) out[dst + co * cin + ci] = w[k++];
    }
  }
}

/** dx for stride 1 (and, via zero insertion, any stride) as a forward conv. */
function inputGradConv(dy: TensorInfo, filter: TensorInfo, inputShape: number[], attrs: ConvAttrs, backend: Backend): TensorInfo {
  const info = convInfo(inputShape, filter.shape, attrs);
  const [kh, kw, cin, cout] = filter.shape;
  const [b, H, W] = inputShape;
  const [, Ho, Wo] = dy.shape;
  const sH = info.strideHeight;
  const sW = info.strideWidth;
  const be = backend as WasmBackend;
  const wt = be.makeOutput([kh, kw, cout, cin], 'float32');
  rotateSwap(be.typedArrayFromHeap(filter), filter.shape, be.typedArrayFromHeap(wt));
  let src = dy;
  const owned: TensorInfo[] = [wt];
  if (sH > 1 || sW > 1) {
    const dx = inputGradPhases(dy, wt, inputShape, info, backend);
    if (dx) {
      free(backend, ...owned);
      return dx;
    }
    // Insert zeros: [B,Ho,Wo,C] → [B,Ho,sH,Wo,sW,C] with dy in the [.,0,.,0,.] corner → [B,Ho·sH,Wo·sW,C].
    const r = runKernel('Reshape', backend, { x: dy }, { shape: [b * Ho, 1, Wo, 1, cout] });
    const padded = runKernel('PadV2', backend, { x: r }, { paddings: [[0, 0], [0, sH - 1], [0, 0], [0, sW - 1], [0, 0]], constantValue: 0 });
    src = runKernel('Reshape', backend, { x: padded }, { shape: [b, Ho * sH, Wo * sW, cout] });
    owned.push(r, padded, src);
  }
  const srcH = src.shape[1];
  const srcW = src.shape[2];
  // Output of a stride-1 conv over src with pad (a, c) has srcH + a + c − kh + 1 rows; we need H, aligned
  // so that dx[h] = Σ dyz[h + top − i] · W[i], i.e. top pad kh−1−top.
  const pT = kh - 1 - info.padInfo.top;
  const pL = kw - 1 - info.padInfo.left;
  const pB = H + kh - 1 - srcH - pT;
  const pR = W + kw - 1 - srcW - pL;
  let out: TensorInfo;
  if (pT >= 0 && pL >= 0 && pB >= 0 && pR >= 0) {
    out = runKernel('Conv2D', backend, { x: src, filter: wt }, { strides: [1, 1], pad: [[0, 0], [pT, pB], [pL, pR], [0, 0]], dataFormat: 'NHWC', dilations: [1, 1] });
  } else {
    // Unusual padding: pad generously, then crop.
    const a = Math.max(0, pT), c = Math.max(0, pB), l = Math.max(0, pL), r = Math.max(0, pR);
    const big = runKernel('Conv2D', backend, { x: src, filter: wt }, { strides: [1, 1], pad: [[0, 0], [a, c], [l, r], [0, 0]], dataFormat: 'NHWC', dilations: [1, 1] });
    out = runKernel('Slice', backend, { x: big }, { begin: [0, a - pT, l - pL, 0], size: [b, H, W, cin] });
    owned.push(big);
  }
  free(backend, ...owned);
  return out;
}

let stockInputGrad: KernelConfig | undefined;

function swapLast(backend: Backend, x: TensorInfo): TensorInfo {
  const r = x.shape.length;
  const [rows, cols] = x.shape.slice(-2);
  const f = [64, 32, 16, 8].find((d) => rows % d === 0);
  if (sizeOf(x.shape, 0, r - 2) === 1 && rows >= 4096 && f) {
    // The stock kernel is many times slower on a large 2-D transpose than on the same data
    // seen as 3-D, [f, rows/f, cols] → [cols, f, rows/f], which is the same permutation.
    const x3 = runKernel('Reshape', backend, { x }, { shape: [f, rows / f, cols] });
    const t = runKernel('Transpose', backend, { x: x3 }, { perm: [2, 0, 1] });
    const out = runKernel('Reshape', backend, { x: t }, { shape: [...x.shape.slice(0, -2), cols, rows] });
    free(backend, x3, t);
    return out;
  }
  const perm = x.shape.map((_, i) => i);
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return runKernel('Transpose', backend, { x }, { perm });
}
/** A float32 view of the whole wasm heap, and where a tensor starts in it (in floats). */
function heapAt(be: WasmBackend, t: TensorInfo): [Float32Array, number] {
  const v = be.typedArrayFromHeap(t);
  return [new Float32Array(v.buffer), v.byteOffset >> 2];
}

/**
 * Rows of a [outer, Σw] block at `whole` on the heap to parts [outer, w_k] at
 * `parts[k]` (`split`), or back (concatenation; the split axis folded with
 * everything after it). One copyWithin per row of a part: a native move with
 * no view made per row, several times faster than an element loop or
 * subarray + set on the skip connections' short rows.
 */
export function copyRows(heap: Float32Array, whole: number, outer: number, widths: number[], parts: number[], split: boolean): void {
  const total = widths.reduce((a, b) => a + b, 0);
  let off = 0;
  for (let k = 0; k < widths.length; k++) {
    const w = widths[k];
    for (let r = 0, wi = whole + off, pi = parts[k]; r < outer; r++, wi += total, pi += w) {
      if (split) heap.copyWithin(pi, wi, wi + w);
      else heap.copyWithin(wi, pi, pi + w);
    }
    off += w;
  }
}

/**
 * x [outer, mid, inner] summed over mid → out [outer, inner]. Four columns at
 * a time in registers, down the rows: accumulating into an array instead
 * measured several times slower in V8.
 */
export function sumMiddle(x: Float32Array, outer: number, mid: number, inner: number, out: Float32Array): void {
  for (let o = 0; o < outer; o++) {
    const base = o * mid * inner;
    const end = base + mid * inner;
    const d = o * inner;
    let c = 0;
    for (; c + 4 <= inner; c += 4) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let i = base + c; i < end; i += inner) {
        a0 += x[i];
        a1 += x[i + 1];
        a2 += x[i + 2];
        a3 += x[i + 3];
      }
      out[d + c] = a0;
      out[d + c + 1] = a1;
      out[d + c + 2] = a2;
      out[d + c + 3] = a3;
    }
    for (; c < inner; c++) {
      let a = 0;
      for (let i = base + c; i < end; i += inner) a += x[i];
      out[d + c] = a;
    }
  }
}

const sizeOf = (shape: number[], from = 0, to = shape.length) => shape.slice(from, to).reduce((a, b) => a * b, 1);

/**
 * Many small products at once (attention: one per image and head), as one
 * XNNPACK depthwise convolution instead of the stock kernel's scalar loops
 * (3–4× faster at 256 × 49×49·49×12). With the batch as channels, a 1×K
 * kernel at stride K over an image of width M·K reads row i of A_c exactly,
 * and a channel multiplier of N holds B_c:
 * out[0, 0, i, c·N + n] = Σ_k A_c[i, k] · B_c[k, n].
 */
function batchedMatMulDepthwise(be: Backend, a: TensorInfo, b: TensorInfo, transposeA: boolean, transposeB: boolean): TensorInfo {
  const r = a.shape.length;
  const nb = sizeOf(a.shape, 0, r - 2);
  const [ar, ac] = a.shape.slice(-2);
  const [br, bc] = b.shape.slice(-2);
  const [M, K] = transposeA ? [ac, ar] : [ar, ac];
  const N = transposeB ? br : bc;
  const a3 = runKernel('Reshape', be, { x: a }, { shape: [nb, ar, ac] });
  const b3 = runKernel('Reshape', be, { x: b }, { shape: [nb, br, bc] });
  const at = runKernel('Transpose', be, { x: a3 }, { perm: transposeA ? [2, 1, 0] : [1, 2, 0] }); // [M, K, nb]
  const bt = runKernel('Transpose', be, { x: b3 }, { perm: transposeB ? [2, 0, 1] : [1, 0, 2] }); // [K, nb, N]
  const img = runKernel('Reshape', be, { x: at }, { shape: [1, 1, M * K, nb] });
  const filt = runKernel('Reshape', be, { x: bt }, { shape: [1, K, nb, N] });
  const o = runKernel('DepthwiseConv2dNative', be, { x: img, filter: filt }, { strides: [1, K], pad: 'valid', dilations: [1, 1], dataFormat: 'NHWC' });
  const o3 = runKernel('Reshape', be, { x: o }, { shape: [M, nb, N] });
  const ot = runKernel('Transpose', be, { x: o3 }, { perm: [1, 0, 2] });
  const out = runKernel('Reshape', be, { x: ot }, { shape: [...a.shape.slice(0, -2), M, N] });
  free(be, a3, b3, at, bt, img, filt, o, o3, ot);
  return out;
}

let registered = false;

export interface WasmKernelOptions {
  filterGrad?: FilterGradMethod;
  inputGrad?: InputGradMethod;
  /** Floats of dy per chunk of the dilated filter gradient (Infinity: the whole batch at once). */
  filterChunkFloats?: number;
}

/** The implementations the registered kernels use now. */
export function wasmKernelMethods(): Required<WasmKernelOptions> {
  return { filterGrad: filterMethod, inputGrad: inputMethod, filterChunkFloats };
}

/** Picks the implementation used by the registered kernels (for benchmarks and tests). */
export function setWasmKernelMethods(opts: WasmKernelOptions): void {
  if (opts.filterGrad) filterMethod = opts.filterGrad;
  if (opts.inputGrad) inputMethod = opts.inputGrad;
  if (opts.filterChunkFloats) filterChunkFloats = opts.filterChunkFloats;
}

/**
 * Registers our Conv2DBackpropFilter for wasm and replaces its
 * Conv2DBackpropInput with the conv-based one. Idempotent.
 */
export function registerWasmTrainingKernels(opts: WasmKernelOptions = {}): void {
  setWasmKernelMethods(opts);
  if (registered) return;
  registered = true;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
      const a = attrs as unknown as ConvAttrs & { filterShape: number[] };
      const be = backend as unknown as Backend;
      return filterMethod === 'im2col' ? filterGradIm2col(x, dy, a.filterShape, a, be) : filterGradDilated(x, dy, a.filterShape, a, be)[0];
    },
  });
  stockInputGrad = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (stockInputGrad) tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  const stock = stockInputGrad;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropInput',
    backendName: 'wasm',
    setupFunc: stock?.setupFunc,
    kernelFunc: (args) => {
      const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
      const a = args.attrs as unknown as ConvAttrs & { inputShape: number[] };
      if (inputMethod === 'stock' && stock) return stock.kernelFunc(args);
      return inputGradConv(dy, filter, a.inputShape, a, args.backend as unknown as Backend);
    },
  });
  tf.registerKernel({
    kernelName: FUSED_GROUP_NORM,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, gamma, beta } = inputs as { x: TensorInfo; gamma: TensorInfo; beta: TensorInfo };
      const { groups, silu, eps } = attrs as unknown as { groups: number; silu: boolean; eps: number };
      const be = backend as unknown as WasmBackend;
      const y = be.makeOutput(x.shape, 'float32'); // allocate first: growing the heap detaches views
      const stats = be.makeOutput([x.shape[0], x.shape[3], 2], 'float32');
      const v = (t: TensorInfo) => be.typedArrayFromHeap(t);
      groupNormForward(v(x), x.shape, v(gamma), v(beta), groups, eps, v(y), v(stats));
      if (!silu) return [y, be.makeOutput([1], 'float32'), stats];
      const s = runKernel('Sigmoid', be, { x: y });
      const out = runKernel('Multiply', be, { a: y, b: s });
      free(be, y);
      return [out, s, stats];
    },
  });
  tf.registerKernel({
    kernelName: FUSED_GROUP_NORM_GRAD,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, x, gamma, beta, sig, stats } = inputs as Record<'dy' | 'x' | 'gamma' | 'beta' | 'sig' | 'stats', TensorInfo>;
      const { groups, silu } = attrs as unknown as { groups: number; silu: boolean };
      const be = backend as unknown as WasmBackend;
      const dx = be.makeOutput(x.shape, 'float32');
      const dg = be.makeOutput(gamma.shape, 'float32');
      const db = be.makeOutput(beta.shape, 'float32');
      const v = (t: TensorInfo) => be.typedArrayFromHeap(t);
      groupNormActBackward(v(dy), v(x), x.shape, v(gamma), v(beta), groups, silu ? v(sig) : null, v(stats), v(dx), v(dg), v(db));
      return [dx, dg, db];
    },
  });
  tf.registerKernel({
    kernelName: CONV_FILTER_BIAS_GRAD,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
      const a = attrs as unknown as ConvAttrs & { filterShape: number[] };
      return filterGradDilated(x, dy, a.filterShape, a, backend as unknown as Backend, true);
    },
  });
  tf.registerKernel({
    kernelName: FUSED_UPSAMPLE,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const { x } = inputs as { x: TensorInfo };
      const be = backend as unknown as WasmBackend;
      const [b, h, w, c] = x.shape;
      const out = be.makeOutput([b, 2 * h, 2 * w, c], 'float32');
      upsample2xArrays(be.typedArrayFromHeap(x), x.shape, be.typedArrayFromHeap(out));
      return out;
    },
  });
  tf.registerKernel({
    kernelName: FUSED_UPSAMPLE_GRAD,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const { dy } = inputs as { dy: TensorInfo };
      const be = backend as unknown as WasmBackend;
      const [b, h2, w2, c] = dy.shape;
      const shape = [b, h2 / 2, w2 / 2, c];
      const dx = be.makeOutput(shape, 'float32');
      upsample2xGradArrays(be.typedArrayFromHeap(dy), shape, be.typedArrayFromHeap(dx));
      return dx;
    },
  });
  tf.registerKernel({
    kernelName: FUSED_ADAM,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { w, g, m, v, ema, scale } = inputs as Record<'w' | 'g' | 'm' | 'v' | 'ema' | 'scale', TensorInfo>;
      const be = backend as unknown as WasmBackend;
      const outs = [be.makeOutput(w.shape, 'float32'), be.makeOutput(w.shape, 'float32'), be.makeOutput(w.shape, 'float32'), be.makeOutput(w.shape, 'float32')];
      const h = (t: TensorInfo) => be.typedArrayFromHeap(t);
      adamEmaArrays(h(w), h(g), h(m), h(v), h(ema), h(scale)[0], attrs as unknown as AdamEmaAttrs, h(outs[0]), h(outs[1]), h(outs[2]), h(outs[3]));
      return outs;
    },
  });
  tf.registerKernel({
    kernelName: SUM_OF_SQUARES,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const be = backend as unknown as WasmBackend;
      const out = be.makeOutput([], 'float32');
      be.typedArrayFromHeap(out)[0] = sumOfSquaresArrays(Object.values(inputs as Record<string, TensorInfo>).map((t) => be.typedArrayFromHeap(t)));
      return out;
    },
  });
  replaceWasmKernel('SplitV', (stock) => (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (x.dtype !== 'float32') return stock(args);
    const { numOrSizeSplits, axis: ax } = args.attrs as { numOrSizeSplits: number | number[]; axis: number };
    const axis = tf.util.parseAxisParam(ax, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, axis);
    const be = args.backend as unknown as WasmBackend;
    const outs = sizes.map((n) => be.makeOutput(x.shape.map((d, i) => (i === axis ? n : d)), 'float32'));
    const inner = sizeOf(x.shape, axis + 1);
    const [heap, at] = heapAt(be, x);
    copyRows(heap, at, sizeOf(x.shape, 0, axis), sizes.map((n) => n * inner), outs.map((o) => heapAt(be, o)[1]), true);
    return outs;
  });
  replaceWasmKernel('Concat', (stock) => (args) => {
    const all = args.inputs as unknown as TensorInfo[];
    const parts = all.filter((t) => sizeOf(t.shape) > 0);
    if (parts.length < 2 || parts.some((t) => t.dtype !== 'float32')) return stock(args);
    const axis = tf.util.parseAxisParam((args.attrs as { axis: number }).axis, parts[0].shape)[0];
    const be = args.backend as unknown as WasmBackend;
    const out = be.makeOutput(tf.backend_util.computeOutShape(parts.map((t) => t.shape), axis), 'float32');
    const [heap, at] = heapAt(be, out);
    copyRows(heap, at, sizeOf(parts[0].shape, 0, axis), parts.map((t) => sizeOf(t.shape, axis)), parts.map((t) => heapAt(be, t)[1]), false);
    return out;
  });
  if (tf.getKernel('Identity', 'wasm')) tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const { x } = inputs as { x: TensorInfo };
      (backend as unknown as Backend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
  const mm = tf.getKernel('BatchMatMul', 'wasm');
  if (!mm) return;
  // Σ over leading axes as ones · X through the stock matmul (mm), not ours below.
  replaceWasmKernel('Sum', (stockSum) => (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const k = axes.length;
    const leading = k > 0 && k < x.shape.length && axes.every((a, i) => a === i);
    const rows = x.shape.slice(0, k).reduce((a, b) => a * b, 1);
    const cols = x.shape.slice(k).reduce((a, b) => a * b, 1);
    const be = args.backend as unknown as WasmBackend;
    const first = axes[0];
    const middle = k > 0 && first > 0 && axes[k - 1] < x.shape.length - 1 && axes.every((a, i) => a === first + i);
    if (middle && x.dtype === 'float32') {
      // Σ over a block of middle axes (a broadcast add's gradient, e.g. the time embedding
      // added to every pixel): the stock kernel transposes the whole tensor first.
      const outShape = keepDims ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !axes.includes(i));
      const out = be.makeOutput(outShape, 'float32');
      sumMiddle(be.typedArrayFromHeap(x), sizeOf(x.shape, 0, first), sizeOf(x.shape, first, first + k), sizeOf(x.shape, first + k), be.typedArrayFromHeap(out));
      return out;
    }
    if (!leading || x.dtype !== 'float32' || rows < 64) return stockSum(args);
    const ones = be.makeOutput([1, 1, rows], 'float32');
    be.typedArrayFromHeap(ones).fill(1);
    const x3 = runKernel('Reshape', be, { x }, { shape: [1, rows, cols] });
    const m = mm.kernelFunc({ ...args, inputs: { a: ones, b: x3 }, attrs: { transposeA: false, transposeB: false } }) as TensorInfo;
    const outShape = keepDims ? x.shape.map((d, i) => (i < k ? 1 : d)) : x.shape.slice(k);
    const out = runKernel('Reshape', be, { x: m }, { shape: outShape });
    free(be, ones, x3, m);
    return out;
  });
  replaceWasmKernel('BatchMatMul', (stockMatMul) => (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    const be = args.backend as unknown as Backend;
    const batch = sizeOf(a.shape, 0, a.shape.length - 2);
    const sameBatch = a.shape.length === b.shape.length && a.shape.slice(0, -2).every((d, i) => d === b.shape[i]);
    if (batch >= 2 && sameBatch && a.dtype === 'float32' && b.dtype === 'float32') return batchedMatMulDepthwise(be, a, b, transposeA, transposeB);
    if (!transposeA && !transposeB) return stockMatMul(args);
    const a2 = transposeA ? swapLast(be, a) : a;
    const b2 = transposeB ? swapLast(be, b) : b;
    const out = stockMatMul({ ...args, inputs: { a: a2, b: b2 }, attrs: { ...args.attrs, transposeA: false, transposeB: false } }) as TensorInfo;
    if (transposeA) free(be, a2);
    if (transposeB) free(be, b2);
    return out;
  });
}
