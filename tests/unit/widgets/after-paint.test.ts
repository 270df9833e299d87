import { describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../src/widgets/after-paint';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('afterPaint: a figure sends its run once the page has painted its start', () => {
  it('waits for a frame and a task after it, or at most 100 ms where no frame comes', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    try {
      const log: string[] = [];
      afterPaint(() => log.push('painted'));
      await tick();
      expect(log).toEqual([]); // no frame yet
      frames.shift()!(0);
      expect(log).toEqual([]); // not inside the frame itself
      await tick();
      expect(log).toEqual(['painted']);
      await new Promise((r) => setTimeout(r, 150));
      expect(log).toEqual(['painted']); // once
      // A background tab paints no frames: the run goes out anyway.
      afterPaint(() => log.push('hidden'));
      await new Promise((r) => setTimeout(r, 50));
      expect(log).toEqual(['painted']);
      await new Promise((r) => setTimeout(r, 80));
      expect(log).toEqual(['painted', 'hidden']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
