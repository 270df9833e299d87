/**
 * Repairs a query string that decodeURIComponent cannot read, before any
 * library sees it. TF.js reads its `tfjsflags` by decoding every query
 * parameter when it is imported, without catching the "URI malformed" error,
 * so one Latin-1 `%E9` from an old mail client, or a stray `%ff`, would stop a
 * lesson from loading. Pure: the page applies the result with replaceState.
 *
 * Only the broken escapes change, so the reader's other parameters survive
 * byte for byte: a byte that does not start a valid UTF-8 sequence is read as
 * Latin-1 (what old mail clients meant: `%E9` is é), and a `%` that is not
 * followed by two hex digits becomes a literal `%`.
 */
import type { UrlIssue } from './url-params';
import { m } from '../i18n/messages';

export const URL_REPAIR_MESSAGES = {
  latin1: (bytes: string, text: string) => m.url_latin1({ bytes, text }),
  get percent() { return m.url_percent(); },
  get tfjsflags() { return m.url_tfjsflags(); },
};

export interface RepairedSearch {
  search: string;
  issues: UrlIssue[];
}

const HEX = /^[0-9a-fA-F]{2}$/;

/** Length of the valid UTF-8 sequence starting at bytes[i], or 0 if none starts there. */
function utf8SequenceLength(bytes: number[], i: number): number {
  const b = bytes[i];
  let n: number, min: number;
  if (b < 0x80) return 1;
  else if (b >= 0xc2 && b <= 0xdf) [n, min] = [2, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [n, min] = [3, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [n, min] = [4, 0x10000];
  else return 0;
  if (i + n > bytes.length) return 0;
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k];
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are what decodeURIComponent refuses too.
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

const enc = (bytes: number[]) => bytes.map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');

/** The key a stretch of the query string belongs to, for the notice (decoded as far as it goes). */
function keyAt(search: string, at: number): string {
  const start = Math.max(search.lastIndexOf('&', at), search.lastIndexOf('?', at)) + 1;
  const eq = search.indexOf('=', start);
  const end = eq >= 0 && eq < at ? eq : at;
  const raw = search.slice(start, end);
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Makes every %-escape of a query string (or any URL part) decodable, reporting each repair. */
export function repairEscapes(search: string): RepairedSearch {
  const issues: UrlIssue[] = [];
  let out = '';
  let i = 0;
  while (i < search.length) {
    if (search[i] !== '%') {
      out += search[i++];
      continue;
    }
    if (!HEX.test(search.slice(i + 1, i + 3))) {
      issues.push({ key: keyAt(search, i), raw: search.slice(i, i + 3), reason: URL_REPAIR_MESSAGES.percent });
      out += '%25';
      i += 1;
      continue;
    }
    // A run of escapes: its bytes, to be checked as UTF-8 together.
    const start = i;
    const bytes: number[] = [];
    while (search[i] === '%' && HEX.test(search.slice(i + 1, i + 3))) {
      bytes.push(parseInt(search.slice(i + 1, i + 3), 16));
      i += 3;
    }
    let j = 0;
    while (j < bytes.length) {
      const n = utf8SequenceLength(bytes, j);
      if (n > 0) {
        out += enc(bytes.slice(j, j + n));
        j += n;
        continue;
      }
      // Bad bytes in a row are reported once, read as Latin-1 characters.
      const bad: number[] = [];
      while (j < bytes.length && utf8SequenceLength(bytes, j) === 0) bad.push(bytes[j++]);
      const text = String.fromCharCode(...bad);
      out += encodeURIComponent(text);
      issues.push({ key: keyAt(search, start), raw: enc(bad), reason: URL_REPAIR_MESSAGES.latin1(enc(bad), text) });
    }
  }
  return { search: out, issues };
}

/**
 * TF.js splits each `tfjsflags` entry at ':' and lower-cases the part after it,
 * which throws when an entry has no ':' (`?tfjsflags=` alone does). Such a list
 * is dropped whole. TF.js also splits the query at every '?', where the URL
 * standard reads a later '?' as part of a value; escaping those as %3F (same
 * meaning to URLSearchParams) makes both read the same parameters.
 */
export function dropBadTfjsFlags(search: string): RepairedSearch {
  const body = search.startsWith('?') ? search.slice(1) : search;
  const unified = body.includes('?') ? `?${body.replace(/\?/g, '%3F')}` : search;
  const flags = new URLSearchParams(unified).getAll('tfjsflags');
  const ok = (v: string) => v.split(',').every((kv) => /^[A-Za-z0-9_]+:[^:,]*$/.test(kv));
  if (flags.every(ok)) return { search: unified, issues: [] };
  const parts = unified.replace(/^\?/, '').split('&').filter((p) => {
    const k = p.split('=')[0];
    try {
      return decodeURIComponent(k.replace(/\+/g, ' ')) !== 'tfjsflags';
    } catch {
      return true;
    }
  });
  return {
    search: parts.length ? `?${parts.join('&')}` : '',
    issues: [{ key: 'tfjsflags', raw: flags.join(', '), reason: URL_REPAIR_MESSAGES.tfjsflags }],
  };
}

/** Everything a query string needs before TF.js may read it. */
export function repairSearch(search: string): RepairedSearch {
  const a = repairEscapes(search);
  const b = dropBadTfjsFlags(a.search);
  return { search: b.search, issues: [...a.issues, ...b.issues] };
}
