import { describe, expect, it } from 'vitest';
import { intParam, numParam, enumParam } from '../../../src/page/url-params';
import { liveKeys, readLive, registerUrlState, searchFor, writeLive } from '../../../src/page/url-registry';

describe('the registry of live URL state', () => {
  it('reads and writes the very objects widgets hold, by key, and forgets them when unregistered', () => {
    const shared = { T: 1000, kind: 'linear' };
    const own = { w: 3 };
    const offA = registerUrlState({ T: intParam(1000, 1, 4000), kind: enumParam('linear', ['linear', 'cosine']) }, shared, undefined);
    const offB = registerUrlState({ w: numParam(3, 0, 10) }, own, 'fig-b');
    try {
      // A figure's keys: its own and the lesson's shared ones, not another figure's.
      expect(liveKeys('fig-b').sort()).toEqual(['T', 'kind', 'w']);
      expect(liveKeys('fig-c').sort()).toEqual(['T', 'kind']);
      expect(readLive(['T', 'w', 'nope'])).toEqual({ T: 1000, w: 3 });
      expect(writeLive({ T: 50, w: 10, nope: 1 })).toEqual(['nope']);
      expect(shared.T).toBe(50);
      expect(own.w).toBe(10);
      // Defaults stay out of links; the rest as the URL writes them.
      expect(searchFor(['T', 'kind', 'w'])).toBe('?T=50&w=10');
      shared.T = 1000;
      own.w = 3;
      expect(searchFor(['T', 'kind', 'w'])).toBe('');
    } finally {
      offA();
      offB();
    }
    expect(liveKeys()).toEqual([]);
    expect(writeLive({ T: 5 })).toEqual(['T']);
  });
});
