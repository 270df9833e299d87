/**
 * JavaScript a reader downloads before any TF.js, per page, from the build
 * output: the entry script and, for a lesson, its chunk, with every chunk
 * they import statically (what the browser must fetch before the page runs),
 * gzipped. A chunk that holds TF.js is not counted but flagged: TF.js in a
 * page's static closure means it loads with the page, not when a model
 * needs it. Dynamic imports are not followed (they load later, on demand).
 *
 * `npm run bench -- --only bundle` prints it (no browser needed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleRow {
  page: string;
  /** Gzipped bytes of the page's static JavaScript, TF.js chunks excluded. */
  gzipBytes: number;
  chunks: number;
  /** True when a TF.js chunk is in the page's static closure. */
  tfStatic: boolean;
}

/** TF.js' core registers its kernels through this name; no other chunk of the site holds it. */
const TF_MARKER = 'WEBGL_VERSION';

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[{*\w$][^'"();]*?from\s*)?["'](\.\/[^"']+\.js)["']/g;

export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(STATIC_IMPORT)) out.push(m[1].slice(2));
  return out;
}

/** The chunks of dist/assets that hold TF.js' core: one is the goal (the workers share it; no page loads its own). */
export function tfChunks(dist = 'dist'): string[] {
  const assets = join(dist, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes(TF_MARKER))
    .sort();
}

export function measureBundle(dist = 'dist'): BundleRow[] {
  const assets = join(dist, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/index.html');
  const code = new Map<string, string>();
  const read = (f: string) => {
    if (!code.has(f)) code.set(f, readFileSync(join(assets, f), 'utf8'));
    return code.get(f)!;
  };
  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f) || !files.includes(f)) continue;
      seen.add(f);
      stack.push(...staticImports(read(f)));
    }
    return seen;
  };
  const row = (page: string, roots: string[]): BundleRow => {
    const all = closure(roots);
    let gzipBytes = 0;
    let tfStatic = false;
    for (const f of all) {
      const c = read(f);
      if (c.includes(TF_MARKER)) tfStatic = true;
      else gzipBytes += gzipSync(c, { level: 9 }).length;
    }
    return { page, gzipBytes, chunks: all.size, tfStatic };
  };
  const rows = [row('home (entry only)', [entry])];
  for (const f of files.filter((f) => /^\d\d-[a-z-]+-[\w-]+\.js$/.test(f)).sort()) rows.push(row(f.replace(/-[\w-]{8}\.js$/, ''), [entry, f]));
  return rows;
}

export function formatBundleRows(rows: readonly BundleRow[], goalKb = 150): string[] {
  return [
    `| page | JS before TF.js (gzip) | chunks | TF.js loads with the page | within ${goalKb} kB |`,
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.page} | ${(r.gzipBytes / 1000).toFixed(1)} kB | ${r.chunks} | ${r.tfStatic ? 'yes' : 'no'} | ${r.gzipBytes <= goalKb * 1000 ? 'yes' : 'no'} |`),
  ];
}
