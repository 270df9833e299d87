/**
 * Builds the site once and serves dist/ from a plain static server for the
 * end-to-end tests, so they test what a reader would get from any file host.
 */
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * The one build of a run. Both e2e projects (the files that share the machine
 * and the one that runs alone) call this setup in the same process: the
 * second waits for the first's build instead of writing dist/ again under it.
 */
const BUILD = Symbol.for('diffusion-demystified.e2e-build');
type WithBuild = typeof globalThis & { [BUILD]?: Promise<void> };

async function buildOnce(): Promise<void> {
  // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: the build would then
  // carry Svelte's development code, larger and slower than what `npm run build` ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD) {
    const g = globalThis as WithBuild;
    g[BUILD] ??= buildOnce();
    await g[BUILD];
  }
  // E2E_DIST: a build of one's own, for when another process rebuilds dist/ mid-run.
  const server = await serveStatic(process.env.E2E_DIST ?? 'dist');
  project.provide('baseUrl', server.url);
  return () => server.close();
}
