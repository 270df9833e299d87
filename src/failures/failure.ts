/**
 * Which failure code (./failure-codes.ts) an error thrown anywhere in the
 * app stands for. Each error class of the app names its own code in a
 * `failureCode` field, so this module imports none of them: the words for
 * failures load with every page, the loaders and parsers that throw them
 * need not.
 */
import { isFailureCode, type FailureCode } from './failure-codes';

export { CodedError, type FailureCode } from './failure-codes';

export function failureCode(err: unknown): FailureCode {
  const code = err && typeof err === 'object' ? (err as { failureCode?: unknown }).failureCode : undefined;
  return isFailureCode(code) ? code : 'unexpected';
}

/** The engineer's words for an error: its message, or what it is when it is not an Error. */
export function failureDetail(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** An error as a worker sends it to the page: a code the page can word, and the English detail. */
export function failureReply(err: unknown): { code: FailureCode; message: string } {
  return { code: failureCode(err), message: failureDetail(err) };
}
