import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../../lessons/registry';
import { ROUTE_PLAN, routeWithTimes, stateHref, teachPlan, withWords } from '../../../site/pages/teach-plan';
import { parseRoute } from '../../../site/routes';

const lessonFiles = readdirSync('lessons').filter((f) => f.endsWith('.svelte'));
const source = (slug: string) => {
  const n = lessons.find((l) => l.slug === slug)!.number;
  const file = lessonFiles.find((f) => f.startsWith(String(n).padStart(2, '0') + '-'));
  return readFileSync(`lessons/${file}`, 'utf8');
};

describe("the teachers' page", () => {
  const { route: ROUTE, questions: QUESTIONS } = teachPlan('en');

  it('is a route of 50 minutes with a running clock', () => {
    const stops = routeWithTimes(ROUTE);
    expect(stops[0].start).toBe(0);
    expect(stops.at(-1)!.end).toBe(50);
    for (let i = 1; i < stops.length; i++) expect(stops[i].start).toBe(stops[i - 1].end);
  });

  it('links only to figures that the lessons place, by their ids', () => {
    for (const stop of ROUTE) {
      const src = source(stop.lesson);
      for (const fig of stop.figures) expect(src, `${stop.lesson} #${fig.id}`).toContain(`<Figure id="${fig.id}"`);
    }
  });

  it('writes prepared states as lesson URL, query and the figure anchor', () => {
    expect(stateHref('/lessons/forward-process/', 'forward-process', 't=250')).toBe('/lessons/forward-process/?t=250#fig-forward-process');
    expect(stateHref('/lessons/x/', 'hero', '')).toBe('/lessons/x/#fig-hero');
    for (const stop of ROUTE) for (const fig of stop.figures) for (const s of fig.states) expect(s.query).not.toMatch(/^[?#]/);
  });

  it('has an answer for every question, and its own route', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(5);
    for (const q of QUESTIONS) expect(q.a.length).toBeGreaterThan(40);
    expect(parseRoute('/teach/').kind).toBe('teach');
    expect(parseRoute('/teach/index.html').kind).toBe('teach');
  });

  it('refuses words that do not fit the plan: a missing stop, figure or state label', () => {
    const words = ROUTE.map((s) => ({ point: s.point, machine: s.machine, figures: s.figures.map((f) => ({ title: f.title, states: f.states.map((x) => x.label) })) }));
    expect(withWords(ROUTE_PLAN, words)).toEqual(ROUTE);
    expect(() => withWords(ROUTE_PLAN, words.slice(1))).toThrow(/stops/);
    const noFigure = words.map((w, i) => (i === 2 ? { ...w, figures: w.figures.slice(1) } : w));
    expect(() => withWords(ROUTE_PLAN, noFigure)).toThrow(/figures/);
    const noLabel = words.map((w, i) => (i === 1 ? { ...w, figures: [{ ...w.figures[0], states: w.figures[0].states.slice(1) }] } : w));
    expect(() => withWords(ROUTE_PLAN, noLabel)).toThrow(/labels/);
  });
});
