/**
 * Pages load the digit data sets in the data worker (src/workers/data/):
 * what it hands back must be what the page would have read itself from the
 * same files, and a file that cannot be downloaded must fail with the
 * download's failure code, which the page words for the reader.
 */
import { describe, expect, it } from 'vitest';
import { dataFiles, digitSetFromBytes } from '../../src/data/digits';
import { loadDigitsInWorker } from '../../src/workers/data/client';
import { failureCode } from '../../src/failures/failure';

const BASE = '/site/public/data/';

describe('data sets loaded in the data worker', () => {
  it('give the same pixels and labels as reading the files on the page', async () => {
    // Which workers the load starts: it must be the data worker, not the page, that reads the files.
    const started: string[] = [];
    const Real = globalThis.Worker;
    globalThis.Worker = class extends Real {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        started.push(opts?.name ?? '');
      }
    };
    const viaWorker = await loadDigitsInWorker('mnist', 'test', BASE).finally(() => (globalThis.Worker = Real));
    expect(started).toEqual(['data']);
    // Asked again (another widget of the page), the same set comes back without a second worker.
    expect(await loadDigitsInWorker('mnist', 'test', BASE)).toBe(viaWorker);
    const files = dataFiles('mnist', 'test');
    const bytes = async (f: string) => new Uint8Array(await (await fetch(BASE + f)).arrayBuffer());
    const onPage = await digitSetFromBytes('mnist', 'test', await bytes(files.images), await bytes(files.labels));
    expect(viaWorker.count).toBe(10_000);
    expect(viaWorker.count).toBe(onPage.count);
    expect(viaWorker.labels).toEqual(onPage.labels);
    expect(viaWorker.images.length).toBe(onPage.images.length);
    expect(viaWorker.images.every((v, i) => v === onPage.images[i])).toBe(true);
  });

  it('a file that is not there fails as a download, naming it', async () => {
    const err = await loadDigitsInWorker('mnist', 'test', '/no-such-folder/').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(failureCode(err)).toBe('download');
    expect((err as Error).message).toMatch(/mnist-test-(images|labels)/);
  });
});
