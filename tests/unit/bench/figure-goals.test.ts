import { describe, expect, it } from 'vitest';
import { formatGoalTables, GOAL_MS, type GoalRow } from '../../../bench/figure-goals';

const row = (o: Partial<GoalRow>): GoalRow => ({ backend: 'auto', figure: 'hero', ranOn: 'wasm, 1 thread', ms: 1000, loadMs: 500, longestTaskMs: 0, longestTaskCpuMs: NaN, longTasks: 0, ...o });

describe('the speed-goal tables', () => {
  it('says a figure meets its goal only at or under it, and keeps the goals the issue set', () => {
    expect(GOAL_MS).toEqual({ hero: 5000, grid: 15000, scene: 15000 });
    const lines = formatGoalTables([row({ ms: 5000 }), row({ figure: 'grid', ms: 15001 }), row({ figure: 'scene', ms: NaN, error: 'not done within 60 s' })], { hero: 1100 });
    const cells = (needle: string) => lines.find((l) => l.includes(needle))!.split('|').map((c) => c.trim());
    expect(cells("hero's")[4]).toBe('yes');
    expect(cells("hero's")[5]).toBe('1.1 s');
    expect(cells('16 digits')[4]).toBe('no');
    expect(cells('scene')[4]).toBe('not done within 60 s');
    expect(cells('scene')[5]).toBe('—');
  });

  it('prints one table per backend, headed by what the page ran on', () => {
    const lines = formatGoalTables([row({}), row({ backend: 'webgl', ranOn: 'webgl' }), row({ backend: 'webgl', figure: 'grid', ranOn: 'webgl' })], {});
    const heads = lines.filter((l) => l.startsWith('## '));
    expect(heads).toEqual(['## the page chooses (plain server): ran on wasm, 1 thread', '## webgl: ran on webgl']);
    expect(lines.filter((l) => l.startsWith('| figure')).length).toBe(2);
  });
});
