import { afterEach, describe, expect, it, vi } from 'vitest';
import { digitSetFromBytes, DataLoadError } from '../../../src/data/digits';
import { download, DownloadError } from '../../../src/data/download-error';
import { gunzip } from '../../../src/data/gunzip';
import { parseIdx } from '../../../src/data/idx';
import { decodeImageFile, imageToDigit, ImageImportError, type ImageImportErrorCode } from '../../../src/data/image-import';
import { loadWeights } from '../../../src/model/weight-io';
import { CodedError, FAILURE_CODES, type FailureCode } from '../../../src/failures/failure-codes';
import { failureCode, failureDetail } from '../../../src/failures/failure';
import { idbGet, NoModelYetError, StorageFullError, StoreError } from '../../../src/model/reader-store-idb';
import { errorReason, errorText, failureReason, imageImportText } from '../../../src/widgets/error-text';
import { RequestChannel, type WorkerPort } from '../../../src/workers/rpc';
import { isWorkerReply, type WorkerReply } from '../../../src/workers/model/protocol';
import { isTextReply } from '../../../src/workers/text/protocol';
import { inBoth, useLocale } from '../i18n/page-locale';


afterEach(() => {
  useLocale('en');
  vi.unstubAllGlobals();
});

async function caught(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('failure codes', () => {
  it('name each kind of failure from the error the code actually throws', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    const notFound = await caught(() => download('/data/x.gz', 'the data'));
    expect(notFound).toBeInstanceOf(DownloadError);
    expect((notFound as DownloadError).status).toBe(404);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const offline = await caught(() => download('/data/x.gz', 'the data'));
    expect((offline as DownloadError).status).toBe(0);

    const images = new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 28, ...new Uint8Array(784)]);
    const labels = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 1, 2]);
    const cases: Array<[unknown, FailureCode]> = [
      [notFound, 'download'],
      [offline, 'download'],
      [await caught(() => digitSetFromBytes('mnist', 'test', images, labels)), 'corrupt-data'],
      [await caught(() => parseIdx(new Uint8Array([1, 2, 3]))), 'corrupt-data'],
      [await caught(() => gunzip(new Uint8Array([0x1f, 0x8b, 0, 0, 0]))), 'corrupt-data'],
      [await caught(() => loadWeights(new TextEncoder().encode('not a weight file at all'))), 'model-file'],
      [new NoModelYetError(), 'no-model-yet'],
      [new StorageFullError(), 'storage-full'],
      [new StoreError('blocked', 'IndexedDB is blocked by another tab.'), 'storage-blocked'],
      [new CodedError('no-model-to-export', 'There is no model to export yet'), 'no-model-to-export'],
      [new TypeError('x is undefined'), 'unexpected'],
      ['a string', 'unexpected'],
    ];
    // Node has no IndexedDB: the store says so by code, as a private window would.
    cases.push([await caught(() => idbGet('yours')), 'storage-unavailable']);
    expect(cases[2][0]).toBeInstanceOf(DataLoadError);
    for (const [err, code] of cases) expect(failureCode(err), String(err)).toBe(code);
  });

  it.for(FAILURE_CODES.filter((c) => c !== 'unexpected'))('%s has its own words in each language, the detail after them', (code) => {
    const { en, fr } = inBoth(() => failureReason(code, 'DETAIL'));
    expect(en).not.toBe(fr);
    expect(en).not.toBe('DETAIL');
    expect(fr).not.toMatch(/^DETAIL$/);
    // Where a detail is shown, it is in parentheses after the reader's words.
    if (fr.includes('DETAIL')) expect(fr).toMatch(/\S.*\(DETAIL\)$/);
  });

  it('leaves an unexpected failure to the caller’s lead, and errorText gives it one in each language', () => {
    const err = new TypeError('x is undefined');
    expect(failureReason('unexpected', failureDetail(err))).toBe('x is undefined');
    const { en, fr } = inBoth(() => errorText(err));
    expect(en).toBe('Something went wrong: x is undefined.');
    expect(fr).toBe('Une erreur est survenue\u202f: x is undefined.');
  });

  it('words a failed download in French with the server’s answer kept as the detail', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    const err = await caught(() => download('/data/t10k-images-idx3-ubyte.gz', 't10k-images-idx3-ubyte.gz'));
    const { fr } = inBoth(() => errorReason(err));
    expect(fr).toMatch(/^le téléchargement a échoué \(.*HTTP 404 Not Found\)$/);
  });
});

describe('image import errors', () => {
  const codes: ImageImportErrorCode[] = ['no-pixels', 'short-data', 'bad-size', 'no-decoder', 'not-image', 'empty', 'too-large', 'no-canvas'];

  it.for(codes)('%s reads differently in each language', (code) => {
    const err = new ImageImportError('english detail', code, { width: 8000, height: 7000, megapixels: 56, limit: 50 });
    const { en, fr } = inBoth(() => imageImportText(err, 'cat.txt'));
    expect(en).not.toBe(fr);
    expect(fr).not.toContain('undefined');
    expect(fr).not.toContain('?');
  });

  it('comes from the import code with its code and numbers', async () => {
    const none = await caught(() => imageToDigit({ width: 0, height: 5, data: new Uint8Array(0) }));
    expect((none as ImageImportError).code).toBe('no-pixels');
    // Node has no createImageBitmap: the browser-only decoder says so by code.
    const noDecoder = await caught(() => decodeImageFile(new Blob([new Uint8Array(4)], { type: 'image/png' })));
    expect((noDecoder as ImageImportError).code).toBe('no-decoder');
    expect(inBoth(() => imageImportText(none as ImageImportError)).fr).toBe('L’image n’a aucun pixel (0×5).');
  });

  it('formats the megapixels for the language', () => {
    const err = new ImageImportError('too large', 'too-large', { width: 40000, height: 30000, megapixels: 1200, limit: 50 });
    const { en, fr } = inBoth(() => imageImportText(err));
    expect(en).toContain('40000×30000 is 1,200 megapixels, and the limit is 50');
    expect(fr).toContain('40000×30000 font 1\u202f200 mégapixels, pour une limite de 50');
  });

  it('names the file that is not an image', () => {
    const { fr } = inBoth(() => imageImportText(new ImageImportError('no', 'not-image'), 'notes.txt'));
    expect(fr).toBe('«\u202fnotes.txt\u202f» n’est pas une image que ce navigateur sait lire.');
  });
});

describe('failures that cross a model worker', () => {
  it('keep their code, so the page words them in its language', async () => {
    const port: WorkerPort = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
    const channel = new RequestChannel<{ type: 'load'; id: number }, WorkerReply>(port, {
      name: 'model worker',
      isReply: isWorkerReply,
      idOf: (m) => m.id,
      settle: (m) => (m.type === 'error' ? { kind: 'error', message: m.message, code: m.code } : { kind: 'done', value: m }),
    });
    const req = channel.request((id) => ({ type: 'load', id }));
    const reply = { type: 'error', id: req.id, code: 'download', message: 'Could not fetch the model (/w.ddmw): HTTP 404' };
    expect(isWorkerReply(reply)).toBe(true);
    port.onmessage!({ data: reply } as MessageEvent);
    const err = await caught(() => req.done);
    expect(failureCode(err)).toBe('download');
    expect(inBoth(() => errorReason(err)).fr).toBe('le téléchargement a échoué (Could not fetch the model (/w.ddmw): HTTP 404)');
  });

  it('are refused with a code the page does not know', () => {
    expect(isWorkerReply({ type: 'error', id: 1, code: 'nonsense', message: 'x' })).toBe(false);
    expect(isTextReply({ type: 'error', id: 1, code: 'nonsense', message: 'x' })).toBe(false);
    expect(isTextReply({ type: 'error', id: 1, code: 'model-file', message: 'x' })).toBe(true);
  });
});
