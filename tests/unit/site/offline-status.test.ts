import { describe, expect, it } from 'vitest';
import { OFFLINE_TEXT, offlineStatus, type WorkerFacts } from '../../../site/offline/offline-status';

const base: WorkerFacts = { supported: true, enabled: true, active: false, waiting: false, installing: false, error: false };

describe('what the header says about offline use', () => {
  it('says "ready" only once a worker is active (its precache complete)', () => {
    expect(offlineStatus({ ...base, installing: true })).toBe('saving');
    expect(offlineStatus({ ...base, active: true })).toBe('ready');
    expect(offlineStatus({ ...base, active: true, installing: true })).toBe('ready');
  });

  it('says so when a newer build waits, and keeps serving the old one whole', () => {
    expect(offlineStatus({ ...base, active: true, waiting: true })).toBe('update');
  });

  it("honours the reader's switch and the browser's limits before anything else", () => {
    expect(offlineStatus({ ...base, enabled: false, active: true })).toBe('off');
    expect(offlineStatus({ ...base, supported: false, active: true })).toBe('unsupported');
  });

  it('reports a failed install only while nothing older is active', () => {
    expect(offlineStatus({ ...base, error: true })).toBe('error');
    expect(offlineStatus({ ...base, error: true, active: true })).toBe('ready');
  });

  it('has words for every state', () => {
    for (const s of ['unsupported', 'off', 'saving', 'ready', 'update', 'error'] as const) {
      expect(OFFLINE_TEXT.summary[s].length).toBeGreaterThan(0);
      expect(OFFLINE_TEXT.explain[s].length).toBeGreaterThan(0);
    }
  });
});
