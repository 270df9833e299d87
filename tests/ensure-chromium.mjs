#!/usr/bin/env node
// Runs before the browser tests: they need Debian's Chromium, and must never
// skip silently without it. As root with apt-get we install it; otherwise we
// say exactly how.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function works() {
  if (!existsSync(path)) return false;
  const r = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

if (works()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;

if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
  console.log(`Chromium is missing at ${path}; installing Debian's chromium with apt-get (once)…`);
  try {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
  } catch {
    // fall through to the message below
  }
  if (works()) process.exit(0);
}

console.error(`
The browser tests need Chromium, and none runs at ${path}.
Install Debian's package, then run npm test again:

    sudo apt-get update && sudo apt-get install -y chromium

Or point CHROMIUM_PATH at another Chromium 120+ binary. The tests run it headless
with --enable-unsafe-webgpu; no browser is ever downloaded by npm.
`);
process.exit(1);
