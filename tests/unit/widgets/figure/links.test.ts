import { describe, expect, it } from 'vitest';
import { embedCode, embedLink, stateLink } from '../../../../src/widgets/figure/links';
import { headingIds, slugify } from '../../../../src/widgets/figure/anchors';
import { embedPages, lessonFigures } from '../../../../lessons/figures';
import { parseRoute } from '../../../../site/routes';

describe('figure links', () => {
  it('links to the lesson with the state and the figure’s anchor', () => {
    expect(stateLink('https://x.org', 'noise-schedules', '?T=50', 'schedule-curves')).toBe('https://x.org/lessons/noise-schedules/?T=50#fig-schedule-curves');
    expect(embedLink('https://x.org', 'noise-schedules', '', 'schedule-images')).toBe('https://x.org/embed/noise-schedules/schedule-images/');
  });

  it('writes an iframe whose attributes cannot be broken out of', () => {
    const code = embedCode('https://x.org/embed/a/b/?p=1&q="x"', 'A <b> "title"');
    expect(code).toContain('src="https://x.org/embed/a/b/?p=1&amp;q=&quot;x&quot;"');
    expect(code).toContain('title="A &lt;b&gt; &quot;title&quot;"');
    expect(code.startsWith('<iframe ') && code.endsWith('></iframe>')).toBe(true);
  });

  it('routes every embed page, and nothing that is not a figure', () => {
    const pages = embedPages();
    expect(pages.length).toBe(Object.values(lessonFigures).flat().length);
    for (const p of pages) {
      const r = parseRoute(`/${p}/`);
      expect(r.kind, p).toBe('embed');
    }
    expect(parseRoute('/embed/noise-schedules/no-such-figure/').kind).toBe('not-found');
    expect(parseRoute('/embed/no-such-lesson/hero/').kind).toBe('not-found');
  });
});

describe('heading anchors', () => {
  it('makes readable, unique ids and skips ids already taken', () => {
    expect(slugify('The same image, the same noise')).toBe('the-same-image-the-same-noise');
    expect(slugify('DALL·E vs Midjourney')).toBe('dall-e-vs-midjourney');
    expect(slugify('Ça déraille : β')).toBe('ca-deraille');
    expect(headingIds(['Pitfalls', 'Pitfalls', 'Main'], new Set(['main']))).toEqual(['pitfalls', 'pitfalls-2', 'main-2']);
    expect(headingIds(['★'])).toEqual(['section']);
  });
});
