/** URL parameters lesson 6 needs beyond src/runtime/url-params.ts: free text, kept short. */
import type { Param } from '../../runtime/url-params';

/** A string, cut to maxLength so a pasted novel cannot bloat every link. */
export function stringParam(def: string, maxLength: number): Param<string> {
  return {
    default: def,
    parse: (raw) => raw.slice(0, maxLength),
    format: (v) => v,
  };
}
