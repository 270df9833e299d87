/**
 * TF.js once per page, read from the build: no page's static imports reach a
 * chunk that holds TF.js (a model page fetches it in its worker, when a
 * figure needs it), and the build holds TF.js' core once, shared by every
 * worker role (src/workers/tf-worker.ts). A second copy (a worker with its
 * own bundle, or page code importing TF.js again) fails here.
 */
import { describe, expect, it } from 'vitest';
import { measureBundle, tfChunks } from '../../bench/bundle';

const dist = process.env.E2E_DIST ?? 'dist';

describe('TF.js in the build', () => {
  it('is in no page’s static imports', () => {
    const rows = measureBundle(dist);
    // Home plus both editions of eight lessons: a page list that shrank would hide a page.
    expect(rows.length).toBeGreaterThanOrEqual(17);
    expect(rows.filter((r) => r.tfStatic).map((r) => r.page)).toEqual([]);
  });

  // `npm run bench -- --only bundle` lists every page. What keeps pages under it: each lesson
  // imports only its own course data, and widgets below the fold load their heavy parts
  // (the lab's loss chart and d3's scales, Plot) when they draw.
  it('leaves every page light before it: no page over 150 kB gzipped', () => {
    const heavy = measureBundle(dist).filter((r) => r.gzipBytes > 150_000);
    expect(heavy.map((r) => `${r.page}: ${(r.gzipBytes / 1000).toFixed(1)} kB`)).toEqual([]);
  });

  it('is one chunk, shared by every worker', () => {
    expect(tfChunks(dist)).toHaveLength(1);
  });
});
