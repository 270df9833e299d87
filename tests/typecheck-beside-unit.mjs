// `npm test`'s first stage: svelte-check and the unit tests side by side. The
// type check runs on one core for about a minute while the unit run leaves the
// other mostly idle, so together they take little more than the longer one.
// The unit run prints as it goes; the type check's report follows it. Fails
// if either fails.
import { spawn } from 'node:child_process';

const typecheck = spawn('svelte-check', ['--tsconfig', './tsconfig.json', '--threshold', 'error'], { stdio: ['ignore', 'pipe', 'pipe'] });
let report = '';
typecheck.stdout.on('data', (d) => (report += d));
typecheck.stderr.on('data', (d) => (report += d));
typecheck.on('error', (e) => (report += `could not start svelte-check (run this through npm test): ${e.message}\n`));
const typed = new Promise((resolve) => typecheck.on('close', (code) => resolve(code ?? 1)));

const unit = spawn('vitest', ['run', '--project', 'unit', '--project', 'unit-mocks'], { stdio: 'inherit' });
unit.on('error', (e) => console.error(`could not start vitest (run this through npm test): ${e.message}`));
const tested = new Promise((resolve) => unit.on('close', (code) => resolve(code ?? 1)));

const [unitCode, typeCode] = await Promise.all([tested, typed]);
process.stdout.write(`\nsvelte-check:\n${report}`);
process.exit(unitCode || typeCode);
