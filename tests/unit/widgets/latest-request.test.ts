import { describe, expect, it } from 'vitest';
import { LatestRequest } from '../../../src/widgets/latest-request';

describe('LatestRequest: the latest request wins', () => {
  it('a ticket is live until the next start', () => {
    const latest = new LatestRequest();
    const a = latest.start();
    expect(a.live).toBe(true);
    const b = latest.start();
    expect(a.live).toBe(false);
    expect(b.live).toBe(true);
  });

  it('cancel makes every ticket stale, and a later start is live again', () => {
    const latest = new LatestRequest();
    const a = latest.start();
    latest.cancel();
    expect(a.live).toBe(false);
    expect(latest.start().live).toBe(true);
    expect(a.live).toBe(false);
  });

  it('an older run that resolves after a newer one started delivers nothing', async () => {
    const latest = new LatestRequest();
    const shown: string[] = [];
    const run = async (name: string, ms: number) => {
      const my = latest.start();
      await new Promise((r) => setTimeout(r, ms));
      if (my.live) shown.push(name);
    };
    await Promise.all([run('slow, older', 30), run('fast, newer', 1)]);
    expect(shown).toEqual(['fast, newer']);
  });

  it('instances are independent', () => {
    const a = new LatestRequest();
    const b = new LatestRequest();
    const t = a.start();
    b.start();
    b.cancel();
    expect(t.live).toBe(true);
  });
});
