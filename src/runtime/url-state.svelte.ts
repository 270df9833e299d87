/**
 * Reactive URL state over the typed params in url-params.ts. Reading is
 * synchronous at creation; writing is batched into one history.replaceState
 * per animation frame, so dragging a slider never floods the history.
 */
import { readParams, writeParams, type ParamSpec, type ParamValues } from './url-params';
import { currentUrlScope, registerUrlState } from './url-registry';

export function urlState<S extends ParamSpec>(spec: S): ParamValues<S> {
  const state = $state(readParams(spec, location.search)) as ParamValues<S>;
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
