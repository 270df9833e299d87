/**
 * One place for how the test suite starts Debian's Chromium, so that the
 * browser tests (vitest browser mode), the end-to-end tests and the benchmarks
 * (playwright-core) run on the same binary with the same flags. No vitest
 * here: `npm run bench` starts Chromium outside the test runner.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Chromium with the suite's flags; `webgpu: false` drops the WebGPU flag (a reader's browser without it). */
export function launch(extraArgs: string[] = [], { webgpu = true } = {}): Promise<Browser> {
  const args = webgpu ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...args, ...extraArgs] });
}
