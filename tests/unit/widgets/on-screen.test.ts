import { afterEach, describe, expect, it } from 'vitest';
import { NearScreen } from '../../../src/widgets/on-screen.svelte';

/** A stand-in observer that records what it was given and lets the test report intersections. */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: (entries: { isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
}

const g = globalThis as { IntersectionObserver?: unknown };
const original = g.IntersectionObserver;
afterEach(() => {
  g.IntersectionObserver = original;
  FakeObserver.last = null;
});

describe('NearScreen', () => {
  it('counts as near at once where there is no IntersectionObserver', () => {
    g.IntersectionObserver = undefined;
    const near = new NearScreen();
    near.watch({} as Element).destroy();
    expect(near.seen).toBe(true);
  });

  it('waits until the element comes within a screen of the view, then stops watching', () => {
    g.IntersectionObserver = FakeObserver;
    const near = new NearScreen();
    const el = {} as Element;
    near.watch(el);
    const io = FakeObserver.last!;
    expect(io.observed).toEqual([el]);
    expect(io.options.rootMargin).toBe('100% 0px');
    io.callback([{ isIntersecting: false }]);
    expect(near.seen).toBe(false);
    io.callback([{ isIntersecting: true }]);
    expect(near.seen).toBe(true);
    expect(io.disconnected).toBe(true);
  });

  it('stops watching when the figure goes away before it was seen', () => {
    g.IntersectionObserver = FakeObserver;
    const near = new NearScreen();
    near.watch({} as Element).destroy();
    expect(FakeObserver.last!.disconnected).toBe(true);
    expect(near.seen).toBe(false);
  });
});
