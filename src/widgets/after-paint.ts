/**
 * Calls `go` once the page has painted what a run's start changed (a figure's
 * cells, chips, progress), or after 100 ms, whichever comes first: a page in a
 * background tab paints no frames. Figures send their run to a worker then: on
 * a machine with few cores the worker's first step would otherwise compete
 * with that paint.
 */
export function afterPaint(go: () => void): void {
  let gone = false;
  const once = () => {
    if (gone) return;
    gone = true;
    go();
  };
  const timer = setTimeout(once, 100);
  if (typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        once();
      }, 0),
    );
}
