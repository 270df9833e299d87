/**
 * The message catalogues (messages/<locale>.json) compiled by Paraglide JS into
 * typed message functions in src/i18n/paraglide/, which is generated and never
 * committed. The Vite and Vitest configs compile with these very options, and
 * `npm run i18n` (run by prepare, check and test) does it before svelte-check
 * needs the types. Run directly: compiles once.
 */
import { compile } from '@inlang/paraglide-js';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const PARAGLIDE_OPTIONS = {
  project: resolve(root, 'project.inlang'),
  outdir: resolve(root, 'src/i18n/paraglide'),
  // The page's locale comes from its URL (/fr/…), set once at start-up by
  // site/main.ts; no cookie, no redirect.
  strategy: ['globalVariable', 'baseLocale'],
  // Typed declarations, so that svelte-check reads the messages without allowJs.
  emitTsDeclarations: true,
  // One module per message (tree-shaken), the same in dev, tests and builds: the plugin's dev default differs.
  outputStructure: 'message-modules',
} as const satisfies Parameters<typeof compile>[0];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await compile({ ...PARAGLIDE_OPTIONS, strategy: [...PARAGLIDE_OPTIONS.strategy] });
}
