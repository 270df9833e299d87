/**
 * Failures in the reader's words and language. Errors keep English messages
 * for engineers and logs; here each failure code (src/failures/failure-codes.ts)
 * becomes a clause from the catalogues, with the technical detail after it in
 * parentheses where it helps. A clause, not a sentence: it goes after a
 * widget's own lead ("Sampling failed: …"), or into errorText's.
 */
import type { ImageImportError } from '../data/image-import';
import { formatNumber } from '../i18n/format';
import { m } from '../i18n/messages';
import { failureCode, failureDetail } from '../failures/failure';
import type { FailureCode } from '../failures/failure-codes';

/** The reader's clause for a failure code; `detail` is the English technical detail. */
export function failureReason(code: FailureCode, detail: string): string {
  switch (code) {
    case 'download':
      return m.error_download({ detail });
    case 'corrupt-data':
      return m.error_corrupt_file({ detail });
    case 'model-file':
      return m.error_model_file({ detail });
    case 'no-model-yet':
      return m.model_yours_gone();
    case 'storage-unavailable':
      return m.error_storage_unavailable();
    case 'storage-blocked':
      return m.error_storage_blocked();
    case 'storage-open':
      return m.error_storage_open({ detail });
    case 'storage-full':
      return m.error_storage_quota();
    case 'storage-failed':
      return m.error_storage_failed({ detail });
    case 'no-images':
      return m.error_no_images({ detail });
    case 'no-model-to-export':
      return m.error_no_model_to_export();
    case 'not-webgpu':
      return m.error_not_webgpu();
    case 'malformed':
      return m.error_malformed({ detail });
    case 'unexpected':
    default:
      // Nothing to say beyond the detail: the caller's lead is the reader's sentence.
      return detail;
  }
}

/** Why an image import failed, as a full sentence (the upload widget shows it alone). */
export function imageImportText(err: ImageImportError, fileName = ''): string {
  const v = err.values;
  const dims = { width: String(v.width ?? '?'), height: String(v.height ?? '?') };
  switch (err.code) {
    case 'no-pixels':
      return m.import_no_pixels(dims);
    case 'no-decoder':
      return m.import_no_decoder();
    case 'not-image':
      return fileName ? m.import_not_image({ name: fileName }) : m.source_unreadable({ detail: err.message });
    case 'empty':
      return m.import_empty(dims);
    case 'too-large':
      return m.import_too_large({ ...dims, megapixels: formatNumber(v.megapixels ?? 0), limit: formatNumber(v.limit ?? 0) });
    case 'no-canvas':
      return m.import_no_canvas();
    default:
      return m.import_invalid({ detail: err.message });
  }
}

/** The reader's clause for any error: known failures worded, anything else as its technical detail. */
export function errorReason(err: unknown): string {
  // By name, not instanceof: the image importer need not load with every page.
  if (err instanceof Error && err.name === 'ImageImportError') return imageImportText(err as ImageImportError);
  return failureReason(failureCode(err), failureDetail(err));
}

/** A whole sentence for any error, for places with no lead of their own. */
export function errorText(err: unknown): string {
  return m.error_generic({ error: errorReason(err) });
}
