import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium.ts';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { PARAGLIDE_OPTIONS } from './scripts/i18n.ts';

// How many e2e test files run at once, each with its own browser (E2E_FILES, default 2). Once
// the files' pages shared warm caches, one file left the cores idle while its pages waited
// (network idle, a figure's frame): two at once took about 9 % less time here on two cores.
const e2eFiles = Math.max(1, Number(process.env.E2E_FILES) || 2);

/** What the two unit projects share. */
const unitBase = {
  environment: 'node' as const,
  // Generous: on a 2-core machine busy with training, the data and caption
  // property tests took 90–130 s (10× their quiet time).
  testTimeout: 240_000,
  hookTimeout: 120_000,
};

/** What the two e2e projects share: a node runner, one built site on a static server, generous timeouts. */
const e2eBase = {
  environment: 'node' as const,
  globalSetup: ['tests/e2e/global-setup.ts'],
  // The files share modules (playwright-core, the lesson registries), imported once rather
  // than per file; hooks that must run for every file live in the setup file.
  isolate: false,
  setupFiles: ['tests/e2e/watch-setup.ts'],
  testTimeout: 180_000,
  hookTimeout: 300_000,
};

export default defineConfig({
  plugins: [paraglideVitePlugin({ ...PARAGLIDE_OPTIONS, strategy: [...PARAGLIDE_OPTIONS.strategy] }), svelte()],
  optimizeDeps: {
    // Pre-bundled: its threaded build imports a CommonJS file that the dev server cannot serve as ESM.
    include: ['@tensorflow/tfjs-backend-wasm'],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...unitBase,
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.mocks.test.ts'],
          // The files share their workers' modules: importing TF.js and its wasm engine
          // once per worker, not once per file, is most of what the unit tests cost.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          ...unitBase,
          // Files that replace a module with vi.mock need modules of their own.
          name: 'unit-mocks',
          include: ['tests/unit/**/*.mocks.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // One page for all the files: TF.js and its backends load once, not once per file.
          // Each test starts TF.js itself, on the backend it names or on the page's own choice
          // made afresh, so none relies on what an earlier file left.
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          ...e2eBase,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/**/*.alone.test.ts'],
          fileParallelism: e2eFiles > 1,
          maxWorkers: e2eFiles,
          // Tests marked concurrent (the every-page sweeps) open two pages at a time.
          maxConcurrency: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          ...e2eBase,
          // Files that need the machine to themselves (the lab's "no main-thread task over
          // 50 ms", the lab on a software WebGPU): a group of their own, one file at a time,
          // never beside another file, so that a task is not long for want of a core.
          name: 'e2e-alone',
          include: ['tests/e2e/**/*.alone.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
