/**
 * Reactive URL state over the typed params in url-params.ts. Reading is
 * synchronous at creation; writing is batched into one history.replaceState
 * per animation frame, so dragging a slider never floods the history. What the
 * link held that could not be used goes to the page's URL notice, on the
 * enclosing figure when there is one.
 */
import { readUrl, writeParams, type ParamSpec, type ParamValues, type UrlRule } from './url-params';
import { currentUrlScope, registerUrlState } from './url-registry';
import { urlNotices } from './url-notices.svelte';
import { useFigure } from './figure-state.svelte';

export function urlState<S extends ParamSpec>(spec: S, rules: readonly UrlRule<S>[] = []): ParamValues<S> {
  const read = readUrl(spec, location.search, rules);
  urlNotices.add(read.issues, figureId());
  const state = $state(read.values) as ParamValues<S>;
  let queued = false;
  // Presenter mode and Copy link find the live state by key while it is mounted.
  const scope = currentUrlScope();
  $effect(() => registerUrlState(spec, state as Record<string, unknown>, scope));
  $effect(() => {
    // Spreading reads every key, so the effect reruns when any of them changes.
    void { ...state };
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const search = writeParams(spec, $state.snapshot(state) as ParamValues<S>, location.search);
      if (search !== location.search) history.replaceState(history.state, '', location.pathname + search + location.hash);
    });
  });
  return state;
}

/** The id of the figure being initialised, if urlState is called inside one. */
function figureId(): string {
  try {
    return useFigure().id;
  } catch {
    // Outside a component's initialisation there is no context to read.
    return '';
  }
}
