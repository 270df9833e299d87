/**
 * "The latest request wins": a figure that restarts its work when a control
 * moves must drop whatever an older run still delivers. Each start() hands out
 * a ticket that stays live until the next start() or cancel().
 *
 *   const my = latest.start();
 *   const frame = await run.next();
 *   if (!my.live) return; // a newer request (or a cancel) came meanwhile
 */
export interface Ticket {
  readonly live: boolean;
}

export class LatestRequest {
  private current = 0;

  /** A new request: every earlier ticket goes stale. */
  start(): Ticket {
    const id = ++this.current;
    const self = this;
    return {
      get live() {
        return self.current === id;
      },
    };
  }

  /** No request is live any more (the figure was cancelled or unmounted). */
  cancel(): void {
    this.current++;
  }
}
