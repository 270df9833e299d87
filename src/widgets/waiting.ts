/**
 * The words of the one waiting display (Waiting.svelte), kept together so that
 * every figure says the same thing while it waits, and a translation has one
 * place to look: the message catalogues (messages/<locale>.json).
 */
import { m } from '../i18n/messages';

export const WAITING = {
  get model() { return m.waiting_model(); },
  get textModel() { return m.waiting_text_model(); },
  get onScreen() { return m.waiting_on_screen(); },
  get starting() { return m.waiting_starting(); },
  get computing() { return m.waiting_computing(); },
  get training() { return m.waiting_training(); },
  get digit() { return m.waiting_digit(); },
  sampling: (k: number, n: number) => m.waiting_sampling({ step: k, total: n }),
  get progressLabel() { return m.waiting_progress(); },
} as const;

/** A progress fraction for the display, or null when there is nothing to count yet. */
export function progressOf(k: number | null | undefined, n: number | null | undefined): { value: number; max: number } | null {
  if (k == null || n == null || !Number.isFinite(k) || !Number.isFinite(n) || n <= 0) return null;
  return { value: Math.min(Math.max(0, k), n), max: n };
}
