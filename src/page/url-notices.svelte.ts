/**
 * What a page did not use of the link it was opened with, collected from every
 * figure's URL state (and from the repair of undecodable escapes at start-up),
 * so one small notice can tell the reader instead of staying silent.
 *
 * Entries carry the path they were read on: after a client-side navigation a
 * notice about the previous page's link no longer shows.
 */
import type { UrlIssue } from './url-params';
import { m } from '../i18n/messages';
import { formatNumber } from '../i18n/format';

/** The notice's words, from the message catalogues (messages/<locale>.json). */
export const URL_NOTICE_TEXT = {
  get pageHeading() { return m.url_notice_page_heading(); },
  get figureHeading() { return m.url_notice_figure_heading(); },
  get dismiss() { return m.url_notice_dismiss(); },
  get dismissLabel() { return m.url_notice_dismiss_label(); },
  get label() { return m.url_notice_label(); },
};

/** Long values (a pasted novel) are shown by their start only. */
export function shortRaw(raw: string, max = 40): string {
  const chars = [...raw];
  return chars.length <= max ? raw : m.url_notice_long_value({ start: chars.slice(0, max).join(''), count: formatNumber(chars.length) });
}

export interface UrlNote extends UrlIssue {
  /** The figure whose state the value belongs to; '' when it is the page's (or unknown). */
  figure: string;
  path: string;
}

class UrlNotices {
  notes = $state<UrlNote[]>([]);
  dismissed = $state<string[]>([]);

  add(issues: readonly UrlIssue[], figure = '', path = typeof location === 'undefined' ? '' : location.pathname) {
    for (const i of issues) {
      const note: UrlNote = { ...i, figure, path };
      if (!this.notes.some((n) => sameNote(n, note))) this.notes.push(note);
    }
  }

  /** The notes to show on a page (figure '' for the page-level notice), unless dismissed. */
  for(path: string, figure: string): UrlNote[] {
    if (this.dismissed.includes(`${path}\n${figure}`)) return [];
    return this.notes.filter((n) => n.path === path && n.figure === figure);
  }

  dismiss(path: string, figure: string) {
    this.dismissed.push(`${path}\n${figure}`);
  }
}

const sameNote = (a: UrlNote, b: UrlNote) =>
  a.key === b.key && a.raw === b.raw && a.reason === b.reason && a.figure === b.figure && a.path === b.path;

export const urlNotices = new UrlNotices();
