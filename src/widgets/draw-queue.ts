/**
 * Chart drawings, spread over animation frames. Each chart drew in its own
 * requestAnimationFrame callback, and every callback of a frame runs in one
 * task: a lesson whose charts mount together (its load) drew all of them in a
 * single long task. Here a frame draws charts until its budget is spent and
 * leaves the rest to the next frames, in the order they asked.
 *
 * A chart that asks again before it is drawn keeps its place in the line with
 * its newest drawing, so that a slider dragged across frames cannot starve the
 * charts behind the first one.
 */

/** Main-thread time a frame may spend drawing charts, in ms, before it leaves the rest to the next frame. */
export const FRAME_BUDGET_MS = 8;

interface Entry {
  draw: () => void;
}

const line: Entry[] = [];
let frame = 0;

function drawSome(): void {
  frame = 0;
  if (!line.length) return; // every chart left the line meanwhile
  const t0 = performance.now();
  // At least one per frame, however long it takes: the line always moves.
  do {
    const e = line.shift()!;
    e.draw();
  } while (line.length && performance.now() - t0 < FRAME_BUDGET_MS);
  if (line.length) frame = requestAnimationFrame(drawSome);
}

/** One chart's place in the line: `request` asks for a drawing (replacing one not yet made), `cancel` leaves the line. */
export class DrawSlot {
  private entry: Entry | null = null;

  request(draw: () => void): void {
    const fn = () => {
      this.entry = null;
      draw();
    };
    if (this.entry) {
      this.entry.draw = fn;
      return;
    }
    this.entry = { draw: fn };
    line.push(this.entry);
    if (!frame) frame = requestAnimationFrame(drawSome);
  }

  cancel(): void {
    if (!this.entry) return;
    const i = line.indexOf(this.entry);
    if (i >= 0) line.splice(i, 1);
    this.entry = null;
  }
}
