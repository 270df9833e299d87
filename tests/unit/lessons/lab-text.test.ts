/**
 * Lesson 4's words about the lab quote its settings: both editions must say
 * what the code does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, LAB_GUIDANCE } from '../../../src/train/lab-settings';

const editions = { en: 'lessons/04-denoiser-training.svelte', fr: 'lessons/fr/04-denoiser-training.svelte' };

describe("lesson 4's words about the lab", () => {
  it.each(Object.entries(editions))('%s: the samples’ guidance, the default width and batch are the code’s', (_lang, path) => {
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(`<Tex tex="w = ${LAB_GUIDANCE}" />`);
    expect(text).toMatch(new RegExp(`${DEFAULT_SETTINGS.width} (channels|canaux) (at|au) (the )?premi|${DEFAULT_SETTINGS.width} channels at the first`));
    expect(text).toMatch(new RegExp(`(batches|lots) de ${DEFAULT_SETTINGS.batch}|batches of ${DEFAULT_SETTINGS.batch}`));
  });
});

describe("lesson 4's high-learning-rate exercise", () => {
  it('asks for ten times the default, which the lab accepts', async () => {
    const { course } = await import('../../../lessons/course/04-denoiser-training');
    const { course: fr } = await import('../../../lessons/course/fr/04-denoiser-training');
    const { LR_MAX } = await import('../../../src/widgets/training/lab-url');
    for (const c of [course, fr]) {
      const lr = Number(c.exercises.find((e) => e.id === 'ex-high-lr')!.link!.state.lr);
      expect(lr).toBeCloseTo(10 * DEFAULT_SETTINGS.lr, 10);
      expect(lr).toBeLessThanOrEqual(LR_MAX);
    }
  });
});
