/**
 * npm run bench:train [-- --steps 5 --batch 64 --config mnist-cond --threads N --cpu-batch 4 --skip-cpu --skip-torch --kernels]
 *
 * One run, one table: ms/step and images/s of a training step (forward,
 * backward, Adam, EMA) for
 *   - our Node engine: wasm (XNNPACK, SIMD) + our kernels (src/backends/wasm-kernels.ts),
 *     on 1 thread and on N threads (data-parallel workers, src/node/train-pool.ts);
 *   - stock wasm (no Conv2DBackpropFilter: reported as failing);
 *   - stock cpu (very slow: one step at a small batch, scaled to the full batch and labelled so);
 *   - the same architecture in PyTorch on the CPU (bench/torch_unet.py, /usr/bin/python3,
 *     e.g. Debian's python3-torch; optional), on 1 and N threads;
 * and the ratios at equal thread counts. N defaults to every core. With
 * --kernels, then a step's time per wasm kernel on one thread, and the step's
 * time if the convolutions' gradients ran as fast as the forward ones
 * (bench/kernel-profile.ts). Times are
 * medians after warm-up steps. Both parameter counts are printed to show the
 * two networks are the same.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { makeSchedule } from '../src/diffusion/schedule';
import { unetConfig } from '../src/model/config';
import { describeUNet } from '../src/model/unet';
import { createTrainPool } from '../src/node/train-pool';
import { createTrainer } from '../src/train/trainer';
import { registerWasmTrainingKernels } from '../src/backends/wasm-kernels';
import { parseArgs } from '../src/node/cli-args';
import { formatKernelProfile, profileKernels } from './kernel-profile';

const args = parseArgs(process.argv.slice(2), {
  steps: '5', warmup: '2', batch: '64', config: 'mnist-cond', threads: String(cpus().length), 'cpu-batch': '4', 'skip-cpu': false, 'skip-torch': false, kernels: false, python: '/usr/bin/python3',
});
const N = Math.max(1, Number(args.threads));
const threadCounts = N > 1 ? [1, N] : [1];
const cfg = unetConfig(String(args.config));
const B = Number(args.batch);
const steps = Number(args.steps);
const warmup = Number(args.warmup);
const desc = describeUNet(cfg);
const schedule = makeSchedule({ kind: 'linear', T: cfg.timesteps });
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

console.log(`U-Net "${args.config}": ${desc.params} params, ${(desc.flopsPerImage / 1e6).toFixed(1)} MFLOPs/image forward, batch ${B}`);
// A training run or another benchmark on the same cores halves what both measure.
if (loadavg()[0] > 0.5) console.log(`warning: the machine is busy (1-minute load ${loadavg()[0].toFixed(2)}); stop other jobs (a training run: touch .tmp/<config>/STOP) for figures worth quoting`);
console.log(`machine: ${cpus()[0]?.model} ×${cpus().length}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.version}, TF.js ${tf.version.tfjs}`);

interface Row { name: string; ms?: number; batch: number; note?: string; threads?: number; torch?: boolean }
const rows: Row[] = [];

function makeBatch(b: number) {
  const pix = cfg.imageSize * cfg.imageSize * cfg.inChannels;
  return { x0: Float32Array.from({ length: b * pix }, (_, i) => (Math.sin(i * 0.37) > 0.3 ? 1 : -1)), labels: Array.from({ length: b }, (_, i) => i % 10) };
}

/**
 * Wall-clock ms per step on `threads` threads; `cpuMs` gets the process CPU
 * time per step, all threads together (robust to other load on the machine).
 */
async function timeTrainer(b: number, n: number, w: number, cpuMs: number[] = [], threads = 1): Promise<number[]> {
  const tr = createTrainer({ config: cfg, schedule, seed: 1 });
  const pool = threads > 1 ? await createTrainPool(tr, schedule, threads) : null;
  const batch = makeBatch(b);
  const times: number[] = [];
  try {
    for (let i = 0; i < w + n; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await (pool ? pool.step(batch) : tr.trainStep(batch));
      const c = process.cpuUsage(c0);
      if (i >= w) {
        times.push(performance.now() - t0);
        cpuMs.push((c.user + c.system) / 1000);
      }
    }
  } finally {
    await pool?.close();
    tr.dispose();
  }
  return times;
}

// 1. Stock wasm (before our kernels are registered).
await tf.setBackend('wasm');
try {
  await timeTrainer(2, 1, 0);
  rows.push({ name: 'wasm, stock TF.js', batch: B, note: 'unexpectedly trained' });
} catch (e) {
  rows.push({ name: 'wasm, stock TF.js', batch: B, note: `fails: ${(e as Error).message.slice(0, 70)}` });
}

// 2. Our engine, on 1 and N threads. (Workers register the kernels themselves.)
registerWasmTrainingKernels();
for (const threads of threadCounts) {
  const cpu: number[] = [];
  const t = await timeTrainer(B, steps, warmup, cpu, threads);
  rows.push({
    name: `ours: wasm + our kernels, ${threads} thread(s)`, threads, ms: median(t), batch: B,
    note: `steps ${t.map((v) => v.toFixed(0)).join(', ')}; CPU time ${median(cpu).toFixed(0)} ms/step${threads > 1 ? ' (all threads)' : ''}`,
  });
}

// 3. Stock cpu, at a small batch (a full-batch step takes minutes).
if (!args['skip-cpu']) {
  await tf.setBackend('cpu');
  const cb = Number(args['cpu-batch']);
  const t = await timeTrainer(cb, 1, 0);
  rows.push({ name: `cpu, stock TF.js (1 step at batch ${cb}, ×${B / cb} to batch ${B})`, ms: (t[0] * B) / cb, batch: B, note: `measured ${t[0].toFixed(0)} ms at batch ${cb}; scaled linearly` });
}
rows.push({ name: 'webgpu / webgl', batch: B, note: 'not available in Node (browser only: `npm run bench` measures them in Chromium)' });

// 4. PyTorch.
let torchOk = false;
if (!args['skip-torch']) {
  const py = String(args.python);
  const script = new URL('./torch_unet.py', import.meta.url).pathname;
  if (!existsSync(py)) rows.push({ name: 'PyTorch', batch: B, note: `absent: no ${py}` });
  else {
    for (const threads of threadCounts) {
      const r = spawnSync(py, [script, '--config', JSON.stringify(cfg), '--batch', String(B), '--steps', String(steps), '--warmup', String(warmup), '--threads', String(threads)], { encoding: 'utf8', timeout: 600_000 });
      if (r.status !== 0) {
        const why = (r.stderr || r.error?.message || '').trim().split('\n').pop();
        rows.push({ name: `PyTorch CPU, ${threads} thread(s)`, batch: B, note: `absent or failed: ${why}` });
        continue;
      }
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
      torchOk = true;
      rows.push({ name: `PyTorch ${out.torch} CPU, ${threads} thread(s)`, torch: true, threads, ms: out.median_ms, batch: B, note: `params ${out.params}${out.params === desc.params ? ' (= ours)' : ` (≠ ours: ${desc.params})`}; CPU time ${out.median_cpu_ms.toFixed(0)} ms/step` });
    }
  }
}

const ours = rows.find((r) => r.name.startsWith('ours'))!.ms!;
const torch1 = rows.find((r) => r.torch && r.threads === 1)?.ms;
console.log('');
console.log('engine'.padEnd(62) + 'ms/step'.padStart(10) + 'img/s'.padStart(8) + '  vs ours-1t' + (torch1 ? '  vs torch-1t' : '') + '  note');
for (const r of rows) {
  const ms = r.ms !== undefined ? r.ms.toFixed(0) : '—';
  const ips = r.ms !== undefined ? ((r.batch * 1000) / r.ms).toFixed(1) : '—';
  const vsOurs = r.ms !== undefined ? `${(r.ms / ours).toFixed(2)}×` : '';
  const vsTorch = torch1 && r.ms !== undefined ? `${(r.ms / torch1).toFixed(2)}×` : '';
  console.log(r.name.padEnd(62) + ms.padStart(10) + ips.padStart(8) + vsOurs.padStart(12) + (torch1 ? vsTorch.padStart(13) : '') + '  ' + (r.note ?? ''));
}
if (!torchOk && !args['skip-torch']) console.log('\nPyTorch is absent here, so there is no reference ratio.');
console.log('');
for (const threads of threadCounts) {
  const o = rows.find((r) => !r.torch && r.threads === threads)?.ms;
  const p = rows.find((r) => r.torch && r.threads === threads)?.ms;
  if (o !== undefined && p !== undefined) console.log(`ours / PyTorch, ${threads} thread(s) each = ${(o / p).toFixed(2)}× (goal ≤ 1.5×)`);
}
const oN = rows.find((r) => !r.torch && r.threads === N)?.ms;
if (N > 1 && oN !== undefined) console.log(`ours, ${N} threads vs 1: ${(ours / oN).toFixed(2)}× faster`);

if (args.kernels) {
  const tr = createTrainer({ config: cfg, schedule, seed: 1 });
  const batch = makeBatch(B);
  try {
    for (let i = 0; i < warmup; i++) await tr.trainStep(batch);
    console.log('\n# Where one step goes, per wasm kernel (1 thread)');
    for (const line of formatKernelProfile(await profileKernels(() => tr.trainStep(batch), steps), torch1)) console.log(line);
  } finally {
    tr.dispose();
  }
}
