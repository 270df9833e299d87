/**
 * A file the site ships (data, weights, the classifier) that the browser
 * could not download: the HTTP status, or 0 when no answer came at all. The
 * page says so in the reader's language, with this English message after it
 * as the technical detail.
 */
import type { FailureCode } from '../failures/failure-codes';
export class DownloadError extends Error {
  override name = 'DownloadError';
  readonly failureCode: FailureCode = 'download';
  readonly url: string;
  /** The HTTP status, or 0 when the request itself failed (offline, blocked). */
  readonly status: number;

  constructor(message: string, url: string, status: number) {
    super(message);
    this.url = url;
    this.status = status;
  }
}

/** fetch(url), or a DownloadError naming `what` when there is no answer or it is not 2xx. */
export async function download(url: string, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new DownloadError(`Could not fetch ${what} (${url}): ${e instanceof Error ? e.message : String(e)}`, url, 0);
  }
  if (!res.ok) throw new DownloadError(`Could not fetch ${what} (${url}): HTTP ${res.status} ${res.statusText}`.trimEnd(), url, res.status);
  return res;
}
