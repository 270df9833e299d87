/**
 * Presenter mode's fit to the screen: the figure's body keeps its natural
 * layout (its controls, its charts' sizes) and is scaled down as one picture
 * until it fits the space between the presenter's bar and the caption, so a
 * projector never needs a scroll bar. Re-measured whenever the window or the
 * body's content changes size (a scene that shows another panel, a chart that
 * finishes drawing).
 */
import { fitScale } from './presenter-logic';

/**
 * Scales `inner` to fit `outer` (whose size is the space available, whatever
 * inner's size: see Figure.svelte's presented styles). Returns the cleanup,
 * which puts `inner` back as it was.
 */
export function fitInside(outer: HTMLElement, inner: HTMLElement): () => void {
  let frame = 0;
  const measure = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      // A transform leaves layout alone, so inner's offset size stays its natural size at any scale.
      const w = Math.max(inner.offsetWidth, inner.scrollWidth);
      const h = Math.max(inner.offsetHeight, inner.scrollHeight);
      const s = fitScale(w, h, outer.clientWidth, outer.clientHeight);
      inner.style.transform = s < 1 ? `scale(${s})` : '';
      inner.dataset.fit = s.toFixed(3);
    });
  };
  const observer = new ResizeObserver(measure);
  observer.observe(outer);
  observer.observe(inner);
  measure();
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
    inner.style.transform = '';
    delete inner.dataset.fit;
  };
}
