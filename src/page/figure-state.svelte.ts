/**
 * What a figure tells the outside world about itself: its id (the anchor a
 * link scrolls to, the name tests and benchmarks find it by) and whether its
 * live work is idle, running, done or failed. A widget inside a Figure sets the
 * state through useFigure(); the Figure writes it on its root as data-state,
 * so tests, benchmarks, presenter mode and embeds all read one hook.
 */
import { getContext, setContext } from 'svelte';
import { m } from '../i18n/messages';

/** Said under every figure: each one can be used with the keyboard alone. */
export const FIGURE_TEXT = {
  get keyboard() { return m.figure_keyboard(); },
};

export type FigureRunState = 'idle' | 'running' | 'done' | 'error';

export class FigureHandle {
  state = $state<FigureRunState>('idle');
  constructor(
    readonly id: string,
    readonly title: string,
  ) {}
}

const KEY = Symbol('figure');

export function provideFigure(handle: FigureHandle): FigureHandle {
  setContext(KEY, handle);
  return handle;
}

/** The enclosing figure's handle; a detached one when a widget is mounted alone (unit tests, benches). */
export function useFigure(): FigureHandle {
  return getContext<FigureHandle | undefined>(KEY) ?? new FigureHandle('', '');
}

/** The DOM id of a figure's root: prefixed so that it never collides with a control's id. */
export function figureAnchor(id: string): string {
  return `fig-${id}`;
}
