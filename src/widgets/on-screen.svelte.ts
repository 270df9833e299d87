/**
 * Whether a figure has come near the screen, once: within one screen's height
 * of the visible part of the page. A figure far down a lesson starts its model
 * run then, rather than on load, so that on a machine without a GPU it does
 * not take the cores from the figure the reader is looking at; one screen
 * ahead leaves it the time to finish before the reader gets there. Where
 * IntersectionObserver is missing, a figure counts as near at once.
 */
export class NearScreen {
  seen = $state(false);

  /** A Svelte action for the figure's root element: `use:near.watch`. */
  watch = (node: Element): { destroy(): void } => {
    if (this.seen || typeof IntersectionObserver === 'undefined') {
      this.seen = true;
      return { destroy() {} };
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.seen = true;
          io.disconnect();
        }
      },
      { rootMargin: '100% 0px' },
    );
    io.observe(node);
    return { destroy: () => io.disconnect() };
  };
}
