import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrawSlot, FRAME_BUDGET_MS } from '../../../src/widgets/draw-queue';

/** Animation frames run by hand, and a clock that each drawing moves on by its own cost. */
let frames: FrameRequestCallback[] = [];
let now = 0;
function nextFrame(): void {
  const run = frames;
  frames = [];
  for (const cb of run) cb(now);
}
const drawing = (name: string, costMs: number, log: string[]) => () => {
  log.push(name);
  now += costMs;
};

describe('chart drawings spread over animation frames', () => {
  beforeEach(() => {
    frames = [];
    now = 0;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('draws nothing at once, then in order, as many per frame as fit the budget, and at least one', () => {
    const log: string[] = [];
    const big = FRAME_BUDGET_MS * 3;
    new DrawSlot().request(drawing('a', 3, log));
    new DrawSlot().request(drawing('b', 3, log));
    new DrawSlot().request(drawing('c', big, log));
    new DrawSlot().request(drawing('d', 1, log));
    expect(log).toEqual([]);
    expect(frames).toHaveLength(1); // one frame asked for the whole line
    nextFrame();
    expect(log).toEqual(['a', 'b', 'c']); // 6 ms spent after b: under budget, so c draws, and takes the frame over it
    nextFrame();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    nextFrame();
    expect(frames).toHaveLength(0); // nothing left, no frame asked for
  });

  it('a chart asking again before it is drawn keeps its place, with its newest drawing', () => {
    const log: string[] = [];
    const a = new DrawSlot();
    const b = new DrawSlot();
    const slow = FRAME_BUDGET_MS + 1;
    a.request(drawing('a1', slow, log));
    b.request(drawing('b1', slow, log));
    nextFrame();
    expect(log).toEqual(['a1']);
    // A slider moves: both charts ask again. b was waiting: it stays first, so it is drawn, not starved.
    a.request(drawing('a2', slow, log));
    b.request(drawing('b2', slow, log));
    nextFrame();
    expect(log).toEqual(['a1', 'b2']);
    nextFrame();
    expect(log).toEqual(['a1', 'b2', 'a2']);
  });

  it('a chart that leaves the page leaves the line; a frame with nobody left draws nothing', () => {
    const log: string[] = [];
    const a = new DrawSlot();
    a.request(drawing('a', 1, log));
    a.cancel();
    nextFrame();
    expect(log).toEqual([]);
    const b = new DrawSlot();
    b.request(drawing('b', 1, log));
    nextFrame();
    expect(log).toEqual(['b']);
    b.request(drawing('b again', 1, log)); // drawn once already: it joins the line again
    nextFrame();
    expect(log).toEqual(['b', 'b again']);
  });
});
