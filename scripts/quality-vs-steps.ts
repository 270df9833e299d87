/**
 * npm run eval:steps -- [--model trained-models/mnist-cond --count 500 --guidance 1.4 --seed 1]
 *                       [--runs .tmp/quality-vs-steps] [--out trained-models/mnist-cond/quality-vs-steps.json]
 *
 * Lesson 5's "quality against steps" chart: `npm run eval` for DDPM and DDIM
 * at every step count the chart plans, then one file holding every report.
 * A run already in --out (the committed file) or in --runs is reused when its
 * settings and the weights' training step match, so a measurement stopped
 * half-way resumes where it stopped, on this machine or from a fresh clone.
 * The cheap settings run first; the file is rewritten after each run, and the
 * chart lists a setting not measured yet as missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModelFromDisk } from '../src/node/load-model';
import { disposeWeights } from '../src/model/params';
import { parseArgs } from '../src/node/cli-args';
import { QUALITY_SAMPLERS, QUALITY_STEP_COUNTS, type DigitEvalReport, type QualityVsStepsFile } from '../src/eval/digit-report';

const args = parseArgs(process.argv.slice(2), {
  model: 'trained-models/mnist-cond', count: '500', guidance: '1.4', seed: '1', runs: '.tmp/quality-vs-steps',
  out: 'trained-models/mnist-cond/quality-vs-steps.json', workers: '',
});
const model = loadModelFromDisk(String(args.model));
disposeWeights(model.weights);
const modelStep = typeof model.meta.step === 'number' ? model.meta.step : undefined;
const runsDir = String(args.runs);
mkdirSync(runsDir, { recursive: true });

const plan = QUALITY_STEP_COUNTS.flatMap((steps) => QUALITY_SAMPLERS.map((sampler) => ({ sampler, steps })));
const evalArgs = (sampler: string, steps: number) => [
  '--model', String(args.model), '--count', String(args.count), '--sampler', sampler, '--steps', String(steps),
  '--guidance', String(args.guidance), '--seed', String(args.seed), ...(args.workers ? ['--workers', String(args.workers)] : []),
];
const sameSettings = (r: DigitEvalReport, sampler: string, steps: number) =>
  r.modelStep === modelStep && r.count === Number(args.count) && r.args.sampler === sampler && Number(r.args.steps) === steps &&
  Number(r.args.guidance) === Number(args.guidance) && Number(r.args.seed) === Number(args.seed);

function readReport(file: string): DigitEvalReport | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DigitEvalReport;
  } catch {
    return null;
  }
}

const committed: DigitEvalReport[] = (() => {
  if (!existsSync(String(args.out))) return [];
  try {
    return (JSON.parse(readFileSync(String(args.out), 'utf8')) as QualityVsStepsFile).runs ?? [];
  } catch {
    return [];
  }
})();

const runs: DigitEvalReport[] = [];
for (const { sampler, steps } of plan) {
  const file = join(runsDir, `${sampler}-${steps}.json`);
  let report = readReport(file);
  if (!(report && sameSettings(report, sampler, steps))) report = committed.find((r) => sameSettings(r, sampler, steps)) ?? null;
  if (report && sameSettings(report, sampler, steps)) {
    process.stderr.write(`${sampler}-${steps}: measured already\n`);
  } else {
    process.stderr.write(`${sampler}-${steps}: measuring…\n`);
    const r = spawnSync('npx', ['tsx', 'scripts/eval.ts', ...evalArgs(sampler, steps), '--json', file], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`eval of ${sampler}-${steps} failed (exit ${r.status}).`);
    report = readReport(file);
    if (!report) throw new Error(`eval of ${sampler}-${steps} wrote no report at ${file}.`);
  }
  runs.push(report);
  const first = runs[0];
  const out: QualityVsStepsFile = {
    command: `npm run eval:steps -- ${process.argv.slice(2).join(' ')}`.trim(),
    count: Number(args.count), guidance: Number(args.guidance), clipX0: true,
    floorSameCount: first.floorSameCount, floor: first.floor, kidFloorSameCount: first.kidFloorSameCount, modelStep, runs,
  };
  writeFileSync(String(args.out), `${JSON.stringify(out, null, 1)}\n`);
}
process.stderr.write(`Wrote ${args.out} (${runs.length} settings, weights at step ${modelStep ?? '?'}).\n`);
