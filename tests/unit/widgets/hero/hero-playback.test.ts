import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HERO } from '../../../../src/widgets/hero/hero';
import { HeroPlayback, STATIC_HOLD_MS } from '../../../../src/widgets/hero/hero-playback.svelte';

const frame = (t: number) => ({ t, x: new Float32Array(4), size: 2 });

describe('HeroPlayback: the round trip played frame by frame', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('plays the forward frames, holds on full static, then waits for the model and ends once its digit is complete', () => {
    const hero = new HeroPlayback();
    hero.forward = [frame(0), frame(500), frame(1000)];
    hero.reverseTotal = 2;
    hero.play();
    expect(hero.cursor).toBe(1);
    vi.advanceTimersByTime(HERO.frameMs);
    expect(hero.cursor).toBe(2); // full static
    expect(hero.phase).toBe('forward');
    vi.advanceTimersByTime(HERO.frameMs * 3);
    expect(hero.cursor).toBe(2); // no reverse frame yet: waits, still playing
    expect(hero.playing).toBe(true);
    hero.reverse = [frame(1000), frame(0)];
    vi.advanceTimersByTime(HERO.frameMs + STATIC_HOLD_MS);
    expect(hero.phase).toBe('reverse');
    vi.advanceTimersByTime(10 * (HERO.frameMs + STATIC_HOLD_MS));
    expect(hero.cursor).toBe(4);
    expect(hero.reverseDone).toBe(true);
    expect(hero.playing).toBe(false);
    expect(hero.played).toBe(true);
    hero.destroy();
  });

  it('stops playing after destroy', () => {
    const hero = new HeroPlayback();
    hero.forward = [frame(0), frame(500), frame(1000)];
    hero.play();
    hero.destroy();
    vi.advanceTimersByTime(10 * HERO.frameMs);
    expect(hero.cursor).toBe(1);
  });
});
