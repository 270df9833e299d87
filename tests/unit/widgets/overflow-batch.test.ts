import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetMeasure, whenMeasured } from '../../../src/widgets/overflow-batch';

/** An element whose widths log each read, the way a layout-forcing read would happen. */
function box(name: string, scrollWidth: number, clientWidth: number, log: string[], isConnected = true): Element {
  return {
    isConnected,
    get scrollWidth() {
      log.push(`read ${name}`);
      return scrollWidth;
    },
    clientWidth,
  } as unknown as Element;
}

describe('overflow reads batched into one frame', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads every element before answering any, in one animation frame', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const log: string[] = [];
    const answers: Record<string, boolean> = {};
    for (const [name, sw, cw] of [['a', 300, 200], ['b', 200, 200], ['c', 201, 200]] as const) {
      whenMeasured(box(name, sw, cw, log), (wide) => {
        log.push(`answer ${name}`);
        answers[name] = wide;
      });
    }
    expect(log).toEqual([]); // nothing read while the formulas mount
    expect(frames).toHaveLength(1);
    frames[0](0);
    expect(log).toEqual(['read a', 'read b', 'read c', 'answer a', 'answer b', 'answer c']);
    // Wider than its box by more than a pixel (rounding) is overflowing.
    expect(answers).toEqual({ a: true, b: false, c: false });
  });

  it('a forgotten element is not read, a detached one is not read and answers false', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const log: string[] = [];
    const gone = box('gone', 500, 10, log);
    const detached = box('detached', 500, 10, log, false);
    const seen: boolean[] = [];
    whenMeasured(gone, () => log.push('answer gone'));
    whenMeasured(detached, (wide) => seen.push(wide));
    forgetMeasure(gone);
    frames[0](0);
    expect(log).toEqual([]);
    expect(seen).toEqual([false]);
  });
});
