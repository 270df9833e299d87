/**
 * The layout of src/ as the README draws it: each folder is a layer, and an
 * import may only point at its own layer or one below. Also: no import cycle
 * between files, and nothing in the repository refers to a path outside it.
 * The graph comes from the source itself (every relative path in quotes), so
 * it also counts dynamic imports, workers' `new URL(…)` and `?worker` imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Bottom first. The README's layout section lists the same folders in the same order. */
const LAYERS = ['i18n', 'failures', 'diffusion', 'text', 'data', 'model', 'backends', 'eval', 'pipelines', 'train', 'workers', 'node', 'page', 'viz', 'widgets'];

const ROOT = normalize(join(import.meta.dirname, '../..'));
const SPEC = /(['"`])(\.{1,2}\/[^'"`\n]*?)\1/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'paraglide' || name === 'node_modules') return [];
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|mts|mjs|svelte)$/.test(name) ? [p] : [];
  });
}

function resolveSpec(from: string, spec: string): string | null {
  const base = normalize(join(dirname(from), spec.split('?')[0]));
  for (const ext of ['', '.ts', '.svelte.ts', '.mjs', '/index.ts']) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return base.endsWith('.js') && existsSync(base.slice(0, -3) + '.ts') ? base.slice(0, -3) + '.ts' : null;
}

const srcFiles = filesUnder(join(ROOT, 'src'));
const edges = new Map<string, string[]>(
  srcFiles.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(SPEC)].map((m) => resolveSpec(f, m[2])).filter((p): p is string => p !== null && p !== f)]),
);
const folderOf = (f: string) => relative(join(ROOT, 'src'), f).split('/')[0];

describe('src/ layout', () => {
  it('every folder of src/ is a listed layer', () => {
    const folders = [...new Set(srcFiles.map(folderOf))].sort();
    expect(folders).toEqual([...LAYERS].sort());
  });

  it('imports point at the same layer or a lower one', () => {
    const upward = [...edges].flatMap(([f, targets]) =>
      targets
        .filter((t) => t.startsWith(join(ROOT, 'src')) && LAYERS.indexOf(folderOf(t)) > LAYERS.indexOf(folderOf(f)))
        .map((t) => `${relative(ROOT, f)} → ${relative(ROOT, t)}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(ROOT, p)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of edges.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of edges.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('the graph is read: a known import is found', () => {
    // Guards the test itself: an empty graph would pass the two checks above.
    expect(edges.get(join(ROOT, 'src/pipelines/generate.ts'))).toContain(join(ROOT, 'src/diffusion/sampler-choice.ts'));
  });
});

describe('components are thin', () => {
  const components = ['src', 'site', 'lessons'].flatMap((d) => filesUnder(join(ROOT, d))).filter((f) => f.endsWith('.svelte'));

  it('no .svelte file is over 300 lines: state, caches and geometry live in .svelte.ts / .ts modules', () => {
    const long = components.filter((f) => readFileSync(f, 'utf8').trimEnd().split('\n').length > 300).map((f) => relative(ROOT, f));
    expect(long).toEqual([]);
  });

  it('no component imports TF.js: tensors are made and freed in modules, never in markup', () => {
    const withTf = components.filter((f) => /from ['"]@tensorflow\//.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(withTf).toEqual([]);
    expect(components.length).toBeGreaterThan(50);
  });
});

describe('tests/unit mirrors the sources', () => {
  it('each folder of tests/unit is a folder of src/, or lessons/, site/, bench/ or scripts/', () => {
    const dirs = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() && n !== 'fixtures' ? [join(d, n), ...dirs(join(d, n))] : []));
    const unit = join(ROOT, 'tests/unit');
    const stray = dirs(unit)
      .map((d) => relative(unit, d))
      .filter((d) => !existsSync(join(ROOT, 'src', d)) && !['lessons', 'site', 'bench', 'scripts'].includes(d.split('/')[0]));
    expect(stray).toEqual([]);
  });
});

describe('tests/unit shares its modules between files', () => {
  it('a file that replaces a module with vi.mock is named *.mocks.test.ts, the project that gives each file modules of its own', () => {
    const mocking = filesUnder(join(ROOT, 'tests/unit'))
      .filter((f) => f.endsWith('.test.ts') && /\bvi\.(do)?mock\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((f) => !f.endsWith('.mocks.test.ts'))).toEqual([]);
  });
});

describe('the repository stands alone', () => {
  it('no file refers to a path outside the repository', () => {
    const roots = ['src', 'tests', 'scripts', 'bench', 'lessons', 'site', 'trained-models', 'messages'].map((d) => join(ROOT, d));
    const files = [...roots.flatMap((d) => filesUnder(d)), ...['README.md', 'vite.config.ts', 'vitest.config.ts', 'svelte.config.js'].map((f) => join(ROOT, f))];
    const cards = readdirSync(join(ROOT, 'trained-models')).map((d) => join(ROOT, 'trained-models', d, 'README.md')).filter(existsSync);
    const outside = [...files, ...cards].filter((f) => /\.\.\/shared\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(outside).toEqual([]);
  });
});
