/**
 * The English catalogue's words that a French page must not show, and a
 * check of a page's visible text against them (tests/e2e/every-page.test.ts
 * runs it on every French page it opens).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { VOCAB } from '../../src/text/vocabulary';

const catalogue = (l: string) => JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, string>;
const en = catalogue('en');
const fr = catalogue('fr');
/**
 * The English catalogue's words a French page must not show: whole messages,
 * split at their placeholders, long enough to be words of their own and not
 * also French (names such as "WebGL" or "DDIM" are the same in both), nor
 * made only of the text model's own English words ("top left"), which the
 * French lessons show on purpose as the prompt the model reads.
 */
const modelWords = new Set(VOCAB);
const ENGLISH_UI = [
  ...new Set(
    Object.keys(en)
      .filter((k) => k !== '$schema' && en[k] !== fr[k])
      .flatMap((k) => en[k].split(/\{\w+\}/))
      .map((s) => s.trim())
      .filter((s) => s.length >= 8 && !Object.values(fr).some((f) => f.includes(s)))
      .filter((s) => !s.split(/\s+/).every((w) => modelWords.has(w))),
  ),
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Whether `text` shows `s` as words of its own, not inside a longer word: an
 * English title the French prose cites ("Pre-training", "Noise Schedules")
 * does not count for "training" or "Schedule". English terms the prose quotes
 * on purpose carry lang="en" and are left out of the page's text.
 */
const showsWords = (text: string, s: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${escape(s)}(?![\\p{L}\\p{N}-])`, 'u').test(text);

/** The page's visible text, less anything marked as another language (the language switch). */
async function frenchText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('[lang]:not([lang="fr"]), script, style, noscript')) el.remove();
    return clone.innerText ?? clone.textContent ?? '';
  });
}

/** The English catalogue's strings a French page shows (none, when its words are all translated). */
export async function englishStringsOn(page: Page): Promise<string[]> {
  const text = await frenchText(page);
  return ENGLISH_UI.filter((s) => showsWords(text, s));
}
