/**
 * Why something the reader asked for failed, as a code that can cross a
 * worker's messages (an Error's class does not) and that the page words in
 * the reader's language (src/widgets/error-text.ts). The English message of
 * the error stays the technical detail, for engineers and logs, shown after
 * the reader's sentence. No imports: the worker protocols check codes with it.
 */
export const FAILURE_CODES = [
  /** A file the site ships could not be downloaded (offline, HTTP error). */
  'download',
  /** A data file arrived but is not what it should be. */
  'corrupt-data',
  /** Not a weight or checkpoint file this page can read (or one for another model). */
  'model-file',
  /** The reader's own model was asked for, and this browser keeps none. */
  'no-model-yet',
  'storage-unavailable',
  'storage-blocked',
  'storage-open',
  'storage-full',
  'storage-failed',
  /** The chosen classes have no images in the data set. */
  'no-images',
  /** The lab was asked to export before any model existed. */
  'no-model-to-export',
  /** A WebGPU-only request (tests' lost-device drill) on another backend. */
  'not-webgpu',
  /** A worker got a message it does not understand: a bug, not the reader's doing. */
  'malformed',
  /** Anything else: the reader sees a plain "something went wrong" and the detail. */
  'unexpected',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** An error that names its own failure code (what a worker throws for its own refusals). */
export class CodedError extends Error {
  override name = 'CodedError';
  readonly code: FailureCode;
  get failureCode(): FailureCode {
    return this.code;
  }
  constructor(code: FailureCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function isFailureCode(s: unknown): s is FailureCode {
  return typeof s === 'string' && (FAILURE_CODES as readonly string[]).includes(s);
}
