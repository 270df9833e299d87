/**
 * Whether an element's content is wider than its box, read for many elements
 * in one animation frame: every read first, then every answer. A page of
 * formulas asked each one as it mounted, and each read forced a layout of the
 * whole page inside the mount's task (and again after any formula whose answer
 * changed the page); batched, the reads share one layout, the one the browser
 * makes for that frame anyway.
 */
type Answer = (overflowing: boolean) => void;

const pending = new Map<Element, Answer>();
let frame = 0;

/** Answers once, in the next animation frame; a second ask for the same element before then replaces the first. */
export function whenMeasured(el: Element, answer: Answer): void {
  pending.set(el, answer);
  if (!frame) frame = requestAnimationFrame(measureAll);
}

/** Forgets an element's pending ask (it left the page). */
export function forgetMeasure(el: Element): void {
  pending.delete(el);
}

function measureAll(): void {
  frame = 0;
  const batch = [...pending];
  pending.clear();
  const wide = batch.map(([el]) => el.isConnected && el.scrollWidth > el.clientWidth + 1);
  batch.forEach(([, answer], i) => answer(wide[i]));
}
