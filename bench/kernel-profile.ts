/**
 * Where a training step's time goes, kernel by kernel, on the wasm engine
 * (`npm run bench:train -- --kernels`), and what the convolutions would cost
 * at the best rate the engine reaches.
 *
 * Every wasm kernel is wrapped to time its calls; a kernel that our kernels
 * call from inside theirs (src/backends/wasm-kernels.ts) counts in its
 * caller's time only, so the rows add up to the time spent in kernels.
 *
 * The three convolutions of a layer (forward, input gradient, filter
 * gradient) do the same multiply-adds; the forward one runs in XNNPACK's
 * tuned kernels. `convFloorMs` is the step's time if both gradients ran at
 * the forward convolutions' measured rate and nothing else changed: what a
 * faster gradient kernel could reach at best.
 */
import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';

/** The convolutions' kernels; the first two are forward. */
const FORWARD = new Set(['Conv2D', 'FusedConv2D']);
const GRADIENT = new Set(['Conv2DBackpropInput', 'Conv2DBackpropFilter', 'DDConv2DFilterBiasGrad']);

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Floating-point operations of a convolution (a multiply and an add per
 * tap): 2 · (outputs) · kh·kw·Cin. The forward pass's outputs are y, the
 * input gradient's and the filter gradient's inputs are dy of the same shape,
 * so the three kernels of one layer count the same.
 */
export function convFlops(outShape: readonly number[], filterShape: readonly number[]): number {
  const [kh, kw, cin] = filterShape;
  return 2 * size(outShape) * kh * kw * cin;
}

/** A kernel call's FLOPs, for the convolution kernels; 0 for the rest. */
export function kernelFlops(name: string, inputs: Record<string, TensorInfo | undefined>, attrs: Record<string, unknown>, out: TensorInfo): number {
  if (FORWARD.has(name) && inputs.filter) return convFlops(out.shape, inputs.filter.shape);
  if (name === 'Conv2DBackpropInput' && inputs.dy && inputs.filter) return convFlops(inputs.dy.shape, inputs.filter.shape);
  if ((name === 'Conv2DBackpropFilter' || name === 'DDConv2DFilterBiasGrad') && inputs.dy) return convFlops(inputs.dy.shape, attrs.filterShape as number[]);
  return 0;
}

export interface KernelRow {
  name: string;
  /** Wall time per step, ms (its inner kernels included). */
  ms: number;
  calls: number;
  /** FLOPs per step, for convolutions (0 otherwise). */
  flops: number;
}

export interface KernelProfile {
  stepMs: number;
  rows: KernelRow[];
  /** The forward convolutions' rate, FLOPs per ms. */
  forwardRate: number;
  /** The step with every convolution gradient at forwardRate, ms. */
  convFloorMs: number;
}

/** The step time if the gradient convolutions ran at the forward ones' rate (everything else as measured). */
export function convFloor(stepMs: number, rows: readonly KernelRow[]): { forwardRate: number; convFloorMs: number } {
  const fwd = rows.filter((r) => FORWARD.has(r.name));
  const grad = rows.filter((r) => GRADIENT.has(r.name));
  const forwardRate = fwd.reduce((a, r) => a + r.flops, 0) / fwd.reduce((a, r) => a + r.ms, 0);
  const gradMs = grad.reduce((a, r) => a + r.ms, 0);
  const gradFlops = grad.reduce((a, r) => a + r.flops, 0);
  return { forwardRate, convFloorMs: stepMs - gradMs + gradFlops / forwardRate };
}

/** Times `steps` calls of `step` with every wasm kernel wrapped; the kernels are put back after. */
export async function profileKernels(step: () => Promise<unknown>, steps: number): Promise<KernelProfile> {
  const originals = tf.getKernelsForBackend('wasm');
  const rows = new Map<string, KernelRow>();
  let depth = 0;
  for (const k of originals) {
    const inner = k.kernelFunc;
    tf.unregisterKernel(k.kernelName, 'wasm');
    tf.registerKernel({
      ...k,
      kernelFunc: (args) => {
        if (depth > 0) return inner(args);
        depth++;
        const t0 = performance.now();
        try {
          const out = inner(args);
          const row = rows.get(k.kernelName) ?? { name: k.kernelName, ms: 0, calls: 0, flops: 0 };
          row.ms += performance.now() - t0;
          row.calls++;
          const first = (Array.isArray(out) ? out[0] : out) as TensorInfo;
          row.flops += kernelFlops(k.kernelName, args.inputs as Record<string, TensorInfo>, args.attrs as Record<string, unknown>, first);
          rows.set(k.kernelName, row);
          return out;
        } finally {
          depth--;
        }
      },
    });
  }
  const t0 = performance.now();
  try {
    for (let i = 0; i < steps; i++) await step();
  } finally {
    for (const k of originals) {
      tf.unregisterKernel(k.kernelName, 'wasm');
      tf.registerKernel(k);
    }
  }
  const stepMs = (performance.now() - t0) / steps;
  const perStep = [...rows.values()].map((r) => ({ ...r, ms: r.ms / steps, calls: r.calls / steps, flops: r.flops / steps })).sort((a, b) => b.ms - a.ms);
  return { stepMs, rows: perStep, ...convFloor(stepMs, perStep) };
}

/** The profile as text lines; with PyTorch's step on the same threads, the ratio now and at the floor. */
export function formatKernelProfile(p: KernelProfile, torchMs?: number): string[] {
  const gflops = (flops: number, ms: number) => (flops > 0 ? `${(flops / ms / 1e6).toFixed(1)} GFLOP/s` : '');
  const out = [
    `step ${p.stepMs.toFixed(0)} ms, of which in kernels ${p.rows.reduce((a, r) => a + r.ms, 0).toFixed(0)} ms (1 thread, the mean of the profiled steps)`,
    'kernel'.padEnd(28) + 'ms/step'.padStart(9) + 'share'.padStart(8) + 'calls'.padStart(7) + '  rate',
  ];
  for (const r of p.rows.filter((r) => r.ms >= 1)) {
    out.push(r.name.padEnd(28) + r.ms.toFixed(1).padStart(9) + `${((100 * r.ms) / p.stepMs).toFixed(0)}%`.padStart(8) + String(r.calls).padStart(7) + `  ${gflops(r.flops, r.ms)}`);
  }
  out.push(`forward convolutions (XNNPACK): ${(p.forwardRate / 1e6).toFixed(1)} GFLOP/s`);
  out.push(`with both gradient convolutions at that rate, and nothing else changed, a step would take ${p.convFloorMs.toFixed(0)} ms`);
  if (torchMs) out.push(`ours / PyTorch, 1 thread: now ${(p.stepMs / torchMs).toFixed(2)}×, at that floor ${(p.convFloorMs / torchMs).toFixed(2)}×`);
  return out;
}
