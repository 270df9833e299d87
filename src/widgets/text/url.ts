/** URL parameters lesson 6 needs beyond src/page/url-params.ts: free text, kept short. */
import { textParam, type Param } from '../../page/url-params';

/** A string, cut to maxLength so a pasted novel cannot bloat every link. */
export function stringParam(def: string, maxLength: number): Param<string> {
  return textParam(def, maxLength);
}
