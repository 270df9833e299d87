/**
 * The live URL-state objects of the page, by key. Widgets keep creating their
 * state with urlState(); each one registers here while it is mounted, so that
 * presenter mode can drive the very objects the widgets read (a scene is a
 * set of key → value), snapshot them on entry and put them back on leaving,
 * and a figure's "Copy link" can name only its own keys.
 */
import { getContext, setContext } from 'svelte';
import type { Param, ParamSpec } from './url-params';

interface Entry {
  readonly spec: ParamSpec;
  readonly state: Record<string, unknown>;
  /** The figure whose widget made it; undefined for state a lesson shares between figures. */
  readonly scope: string | undefined;
}

const SCOPE = Symbol('url-scope');

/** Called by a figure while it initialises: the URL state its widgets make belongs to it. */
export function setUrlScope(figureId: string): void {
  setContext(SCOPE, figureId);
}

const entries = new Set<Entry>();

/** Called by urlState(); returns the function that unregisters it. */
export function registerUrlState(spec: ParamSpec, state: Record<string, unknown>, scope: string | undefined): () => void {
  const entry = { spec, state, scope };
  entries.add(entry);
  return () => entries.delete(entry);
}

function holders(key: string): Entry[] {
  return [...entries].filter((e) => Object.hasOwn(e.spec, key));
}

/** The typed parameter behind a live key, if any widget on the page reads it. */
export function liveParam(key: string): Param<unknown> | undefined {
  return holders(key)[0]?.spec[key];
}

/** Every key some mounted widget reads; with a figure id, only the keys that figure's widgets read. */
export function liveKeys(figureId?: string): string[] {
  const mine = [...entries].filter((e) => figureId === undefined || e.scope === undefined || e.scope === figureId);
  return [...new Set(mine.flatMap((e) => Object.keys(e.spec)))];
}

/** The figure scope in force where a component initialises (see setUrlScope). */
export function currentUrlScope(): string | undefined {
  return getContext<string | undefined>(SCOPE);
}

/** The current values of `keys` (those no widget reads are left out). */
export function readLive(keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const h = holders(key)[0];
    if (h) out[key] = h.state[key];
  }
  return out;
}

/** Sets values on every live state that reads their key; returns the keys no widget reads. */
export function writeLive(values: Readonly<Record<string, unknown>>): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const hs = holders(key);
    if (hs.length === 0) missing.push(key);
    for (const h of hs) h.state[key] = value;
  }
  return missing;
}

/** The query string that holds only `keys`, as the widgets write them (defaults left out). */
export function searchFor(keys: readonly string[]): string {
  const q = new URLSearchParams();
  for (const key of keys) {
    const h = holders(key)[0];
    if (!h) continue;
    const p = h.spec[key];
    const v = p.format(h.state[key]);
    if (v !== p.format(p.default)) q.set(key, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
