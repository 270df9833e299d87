import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../../lessons/registry';
import { lessonFigures } from '../../../lessons/figures';
import { lessonScenes } from '../../../lessons/scenes';
import { lessonParams, sceneProblems, type LessonScenes } from '../../../src/widgets/figure/scenes';
import { intParam, numParam } from '../../../src/page/url-params';

async function load(slug: string): Promise<LessonScenes> {
  return (await lessonScenes[slug]()).default;
}

/** The figure ids a lesson file places, in order, read from its source. */
function placedFigures(slug: string): string[] {
  const n = lessons.find((l) => l.slug === slug)!.number;
  const file = readdirSync('lessons').find((f) => f.startsWith(`${String(n).padStart(2, '0')}-`) && f.endsWith('.svelte'))!;
  return [...readFileSync(`lessons/${file}`, 'utf8').matchAll(/<Figure\s[^>]*?\bid="([^"]+)"/g)].map((m) => m[1]);
}

describe('lesson figures and scenes', () => {
  it('lists every figure each lesson file places, in page order', () => {
    expect(Object.keys(lessonFigures).sort()).toEqual(lessons.map((l) => l.slug).sort());
    for (const l of lessons) expect(lessonFigures[l.slug], l.slug).toEqual(placedFigures(l.slug));
  });

  it('gives every lesson one typed URL list, and scenes only to figures the lesson has', async () => {
    expect(Object.keys(lessonScenes).sort()).toEqual(lessons.map((l) => l.slug).sort());
    for (const l of lessons) {
      const sc = await load(l.slug);
      for (const id of Object.keys(sc.figures)) expect(lessonFigures[l.slug], `${l.slug}: ${id}`).toContain(id);
    }
  });

  it('uses only keys of its lesson, with values each key’s parser gives back unchanged', async () => {
    for (const l of lessons) expect(sceneProblems(await load(l.slug)), l.slug).toEqual([]);
  });

  it('has the issue’s examples: lesson 3 linear, cosine, both at T = 50; lesson 5 DDPM 1000, DDIM 50, DDIM 10; lesson 7 w = 0, 1, 3, 10', async () => {
    const l3 = (await load('noise-schedules')).figures['schedule-curves'].scenes.map((s) => s.state);
    expect(l3.slice(0, 3).map((s) => [s.a, s.b, s.T])).toEqual([
      ['linear', 'linear', 1000],
      ['cosine', 'cosine', 1000],
      ['linear', 'cosine', 50],
    ]);
    const l5 = (await load('reverse-process')).figures['reverse-stepper'].scenes.map((s) => s.state);
    expect(l5.slice(0, 3).map((s) => [s.smp, s.steps])).toEqual([
      ['ddpm-posterior', 1000],
      ['ddim', 50],
      ['ddim', 10],
    ]);
    const l7 = (await load('classifier-free-guidance')).figures['guidance-predictions'].scenes.map((s) => s.state.w);
    expect(l7).toEqual([0, 1, 3, 10]);
  });

  it('catches what it should: an unknown key, a value out of range, a non-integer for an integer', () => {
    const params = { T: intParam(1000, 1, 4000), w: numParam(3, 0, 10) };
    const problems = sceneProblems({
      params,
      figures: {
        f: {
          scenes: [
            { name: 'ok', state: { T: 50, w: 0 } },
            { name: 'bad', state: { T: 50.5, w: 11, nope: 1 } as never },
          ],
        },
      },
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/unknown key nope/);
  });

  it('refuses two widgets of one lesson sharing a key', () => {
    expect(() => lessonParams({ seed: intParam(1, 0, 9) }, { seed: intParam(2, 0, 9) })).toThrow(/seed/);
    expect(Object.keys(lessonParams({ a: intParam(1, 0, 9) }, { b: intParam(2, 0, 9) }))).toEqual(['a', 'b']);
  });
});
