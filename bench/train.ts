/**
 * npm run bench:train [-- --steps 5 --batch 64 --config mnist-cond --cpu-batch 4 --skip-torch]
 *
 * One run, one table: ms/step and images/s of a training step (forward,
 * backward, Adam, EMA) for
 *   - our Node engine: wasm (XNNPACK, SIMD, 1 thread) + our kernels (src/train/wasm-kernels.ts);
 *   - stock wasm (no Conv2DBackpropFilter: reported as failing);
 *   - stock cpu (very slow: one step at a small batch, scaled to the full batch and labelled so);
 *   - the same architecture in PyTorch on the CPU (bench/torch_unet.py, /usr/bin/python3), 1 and 2 threads;
 * and the ratios. Times are medians after warm-up steps. Both parameter counts
 * are printed to show the two networks are the same.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { makeSchedule } from '../src/diffusion/schedule';
import { unetConfig } from '../src/model/config';
import { describeUNet } from '../src/model/unet';
import { createTrainer } from '../src/train/trainer';
import { registerWasmTrainingKernels } from '../src/train/wasm-kernels';
import { parseArgs } from '../src/train/cli-args';

const args = parseArgs(process.argv.slice(2), {
  steps: '5', warmup: '2', batch: '64', config: 'mnist-cond', 'cpu-batch': '4', 'skip-cpu': false, 'skip-torch': false, python: '/usr/bin/python3',
});
const cfg = unetConfig(String(args.config));
const B = Number(args.batch);
const steps = Number(args.steps);
const warmup = Number(args.warmup);
const desc = describeUNet(cfg);
const schedule = makeSchedule({ kind: 'linear', T: cfg.timesteps });
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

console.log(`U-Net "${args.config}": ${desc.params} params, ${(desc.flopsPerImage / 1e6).toFixed(1)} MFLOPs/image forward, batch ${B}`);
console.log(`machine: ${cpus()[0]?.model} ×${cpus().length}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.version}, TF.js ${tf.version.tfjs}`);

interface Row { name: string; ms?: number; batch: number; note?: string }
const rows: Row[] = [];

function makeBatch(b: number) {
  const pix = cfg.imageSize * cfg.imageSize * cfg.inChannels;
  return { x0: Float32Array.from({ length: b * pix }, (_, i) => (Math.sin(i * 0.37) > 0.3 ? 1 : -1)), labels: Array.from({ length: b }, (_, i) => i % 10) };
}

/** Wall-clock ms per step; `cpuMs` gets the process CPU time per step (robust to other load on the machine). */
async function timeTrainer(b: number, n: number, w: number, cpuMs: number[] = []): Promise<number[]> {
  const tr = createTrainer({ config: cfg, schedule, seed: 1 });
  const batch = makeBatch(b);
  const times: number[] = [];
  try {
    for (let i = 0; i < w + n; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await tr.trainStep(batch);
      const c = process.cpuUsage(c0);
      if (i >= w) {
        times.push(performance.now() - t0);
        cpuMs.push((c.user + c.system) / 1000);
      }
    }
  } finally {
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

// 2. Our engine.
registerWasmTrainingKernels();
{
  const cpu: number[] = [];
  const t = await timeTrainer(B, steps, warmup, cpu);
  rows.push({ name: 'ours: wasm + our kernels (1 thread)', ms: median(t), batch: B, note: `steps ${t.map((v) => v.toFixed(0)).join(', ')}; CPU time ${median(cpu).toFixed(0)} ms/step` });
}

// 3. Stock cpu, at a small batch (a full-batch step takes minutes).
if (!args['skip-cpu']) {
  await tf.setBackend('cpu');
  const cb = Number(args['cpu-batch']);
  const t = await timeTrainer(cb, 1, 0);
  rows.push({ name: `cpu, stock TF.js (1 step at batch ${cb}, ×${B / cb} to batch ${B})`, ms: (t[0] * B) / cb, batch: B, note: `measured ${t[0].toFixed(0)} ms at batch ${cb}; scaled linearly` });
}
rows.push({ name: 'webgpu / webgl', batch: B, note: 'not available in Node here (browser only; see MEASURED.md)' });

// 4. PyTorch.
let torchOk = false;
if (!args['skip-torch']) {
  const py = String(args.python);
  const script = new URL('./torch_unet.py', import.meta.url).pathname;
  if (!existsSync(py)) rows.push({ name: 'PyTorch', batch: B, note: `absent: no ${py}` });
  else {
    for (const threads of [1, 2]) {
      const r = spawnSync(py, [script, '--config', JSON.stringify(cfg), '--batch', String(B), '--steps', String(steps), '--warmup', String(warmup), '--threads', String(threads)], { encoding: 'utf8', timeout: 600_000 });
      if (r.status !== 0) {
        const why = (r.stderr || r.error?.message || '').trim().split('\n').pop();
        rows.push({ name: `PyTorch CPU, ${threads} thread(s)`, batch: B, note: `absent or failed: ${why}` });
        continue;
      }
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
      torchOk = true;
      rows.push({ name: `PyTorch ${out.torch} CPU, ${threads} thread(s)`, ms: out.median_ms, batch: B, note: `params ${out.params}${out.params === desc.params ? ' (= ours)' : ` (≠ ours: ${desc.params})`}; CPU time ${out.median_cpu_ms.toFixed(0)} ms/step` });
    }
  }
}

const ours = rows.find((r) => r.name.startsWith('ours'))!.ms!;
const torch1 = rows.find((r) => r.name.startsWith('PyTorch') && r.name.includes('1 thread'))?.ms;
console.log('');
console.log('engine'.padEnd(62) + 'ms/step'.padStart(10) + 'img/s'.padStart(8) + '  vs ours' + (torch1 ? '  vs torch-1t' : '') + '  note');
for (const r of rows) {
  const ms = r.ms !== undefined ? r.ms.toFixed(0) : '—';
  const ips = r.ms !== undefined ? ((r.batch * 1000) / r.ms).toFixed(1) : '—';
  const vsOurs = r.ms !== undefined ? `${(r.ms / ours).toFixed(2)}×` : '';
  const vsTorch = torch1 && r.ms !== undefined ? `${(r.ms / torch1).toFixed(2)}×` : '';
  console.log(r.name.padEnd(62) + ms.padStart(10) + ips.padStart(8) + vsOurs.padStart(9) + (torch1 ? vsTorch.padStart(13) : '') + '  ' + (r.note ?? ''));
}
if (!torchOk && !args['skip-torch']) console.log('\nPyTorch is absent here, so there is no reference ratio.');
if (torch1) console.log(`\nours / PyTorch (1 thread) = ${(ours / torch1).toFixed(2)}× (goal ≤ 3×)`);
