/**
 * Presenter mode as pure logic: which key does what (reveal.js' conventions,
 * which a clicker's arrow keys also speak), and how a walk through figures and
 * their scenes moves. The component only wires these to the page.
 */

export type PresenterAction = 'next' | 'prev' | 'fullscreen' | 'blank' | 'leave' | 'first' | 'last';

export interface KeyInfo {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  /** Focus is in a control that uses this key itself (a slider, a text box, a list). */
  readonly inControl?: boolean;
}

const ACTIONS: Readonly<Record<string, PresenterAction>> = {
  ArrowRight: 'next',
  ' ': 'next',
  PageDown: 'next',
  ArrowLeft: 'prev',
  PageUp: 'prev',
  f: 'fullscreen',
  F: 'fullscreen',
  b: 'blank',
  B: 'blank',
  '.': 'blank',
  Escape: 'leave',
  Home: 'first',
  End: 'last',
};

/**
 * The presenter's action for a key press, or null to let the page have it.
 * Inside a control, only Esc and the clicker's PageUp/PageDown belong to the
 * presenter: arrows, Space and letters move the slider or type the prompt.
 */
export function presenterAction(e: KeyInfo): PresenterAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const action = ACTIONS[e.key] ?? null;
  if (action && e.inControl && e.key !== 'Escape' && e.key !== 'PageDown' && e.key !== 'PageUp') return null;
  return action;
}

/** One stop of a presentation: a figure, in one of its scenes (null: as it stands, it has none). */
export interface Stop {
  readonly figure: string;
  readonly scene: number | null;
}

/** Every figure's scenes in order; a figure without scenes is one stop. */
export function stopsOf(figures: readonly { id: string; scenes: number }[]): Stop[] {
  return figures.flatMap(({ id, scenes }): Stop[] =>
    scenes > 0 ? Array.from({ length: scenes }, (_, i) => ({ figure: id, scene: i })) : [{ figure: id, scene: null }],
  );
}

/** The stop an action moves to, clamped at both ends (a clicker pressed once too often stays put). */
export function move(index: number, count: number, action: 'next' | 'prev' | 'first' | 'last'): number {
  if (count <= 0) return 0;
  switch (action) {
    case 'next':
      return Math.min(count - 1, index + 1);
    case 'prev':
      return Math.max(0, index - 1);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
  }
}

/** True when focus sits in a control that takes arrow keys or typing for itself. */
export function isControl(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return type !== 'checkbox' && type !== 'radio' && type !== 'button' && type !== 'submit';
  }
  return (el as HTMLElement).isContentEditable === true;
}

/**
 * Intermediate values for a scene change: numbers glide along an ease-in-out
 * curve (integers stay integers), everything else switches at the start.
 */
export function tweenValue(from: unknown, to: unknown, u: number): unknown {
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to)) return to;
  const k = u <= 0 ? 0 : u >= 1 ? 1 : u < 0.5 ? 2 * u * u : 1 - 2 * (1 - u) * (1 - u);
  const v = from + (to - from) * k;
  return Number.isInteger(from) && Number.isInteger(to) ? Math.round(v) : v;
}

/**
 * The largest scale in [min, 1] at which `fits(s)` holds, by bisection, for
 * a presented figure whose text keeps its projector size while its drawings
 * shrink (so that fits is true below some scale and false above it). Exact at
 * 1 and at min; otherwise within (1 - min) / 2^steps below the true limit.
 * When nothing fits, even at min, returns min: the figure's body scrolls.
 */
export function largestFit(fits: (s: number) => boolean, min: number, steps = 7): { scale: number; fits: boolean } {
  if (fits(1)) return { scale: 1, fits: true };
  if (!fits(min)) return { scale: min, fits: false };
  let lo = min;
  let hi = 1;
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return { scale: lo, fits: true };
}
