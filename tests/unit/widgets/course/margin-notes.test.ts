import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stackNotes } from '../../../../src/widgets/course/margin-notes';

describe('stackNotes: glossary notes in the margin', () => {
  it('leaves notes that do not meet where their words are', () => {
    expect(stackNotes([{ top: 0, height: 40 }, { top: 100, height: 40 }], [])).toEqual([0, 100]);
  });

  it('pushes a note below the one above it when their lines are close, the gap kept', () => {
    // Two words on neighbouring lines (GroupNorm, SiLU): the second note starts where the first ends.
    expect(stackNotes([{ top: 0, height: 60 }, { top: 28, height: 40 }], [], { gap: 8 })).toEqual([0, 68]);
  });

  it('stacks in page order whatever order the notes register in', () => {
    expect(stackNotes([{ top: 28, height: 40 }, { top: 0, height: 60 }], [], { gap: 8 })).toEqual([68, 0]);
  });

  it('sends a note back to its word when it would sit over a figure, or too far below its word', () => {
    expect(stackNotes([{ top: 0, height: 50 }], [{ top: 30, bottom: 400 }])).toEqual([null]);
    expect(stackNotes([{ top: 0, height: 200 }, { top: 10, height: 40 }], [], { gap: 8, maxShift: 120 })).toEqual([0, null]);
    // The note left out frees its place for the next one.
    expect(stackNotes([{ top: 0, height: 200 }, { top: 10, height: 40 }, { top: 210, height: 20 }], [], { gap: 8, maxShift: 120 })).toEqual([0, null, 210]);
  });

  it('sends a note back to its word when the margin has no room for it', () => {
    expect(stackNotes([{ top: 0, height: 40, room: false }, { top: 10, height: 40 }], [])).toEqual([null, 10]);
  });

  it('never overlaps two placed notes or a placed note and an obstacle, and never moves a note up', () => {
    const note = fc.record({ top: fc.integer({ min: 0, max: 2000 }), height: fc.integer({ min: 10, max: 200 }) });
    const obstacle = fc.record({ top: fc.integer({ min: 0, max: 2000 }), len: fc.integer({ min: 1, max: 500 }) });
    fc.assert(
      fc.property(fc.array(note, { maxLength: 12 }), fc.array(obstacle, { maxLength: 4 }), (notes, obs) => {
        const obstacles = obs.map((o) => ({ top: o.top, bottom: o.top + o.len }));
        const tops = stackNotes(notes, obstacles, { gap: 8, maxShift: 120 });
        const placed = notes.flatMap((n, i) => (tops[i] == null ? [] : [{ top: tops[i]!, bottom: tops[i]! + n.height, from: n.top }]));
        for (const p of placed) {
          expect(p.top).toBeGreaterThanOrEqual(p.from);
          expect(p.top - p.from).toBeLessThanOrEqual(120);
          for (const o of obstacles) expect(p.top < o.bottom && p.bottom > o.top).toBe(false);
        }
        for (let i = 0; i < placed.length; i++)
          for (let j = i + 1; j < placed.length; j++) {
            const [a, b] = [placed[i], placed[j]];
            expect(a.bottom + 8 <= b.top || b.bottom + 8 <= a.top).toBe(true);
          }
      }),
    );
  });
});
