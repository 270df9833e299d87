import { describe, expect, it } from 'vitest';
import { FRENCH_EXAMPLES } from '../../../src/text/french-examples';
import { frenchToModel } from '../../../src/text/french-prompt';
import { EXPLORER_SUGGESTIONS, GRID_SUGGESTIONS, PREDICTION_SUGGESTIONS, STYLE_SUGGESTIONS } from '../../../src/widgets/text/text-url';

describe('the example prompts in French', () => {
  it.for(Object.entries(FRENCH_EXAMPLES))('"%s" reads as the same caption as its English', ([en, fr]) => {
    const fromFrench = frenchToModel(fr);
    const fromEnglish = frenchToModel(en);
    expect(fromFrench.english).toBe(fromEnglish.english);
    // Only what the English example leaves out on purpose (an emoji) may go unread.
    expect(fromFrench.unmapped.map((u) => u.text)).toEqual(fromEnglish.unmapped.map((u) => u.text));
    expect(fr).not.toBe(en);
  });

  it('covers every suggestion lessons 6 to 8 make', () => {
    const all = [...EXPLORER_SUGGESTIONS, ...PREDICTION_SUGGESTIONS, ...GRID_SUGGESTIONS, ...STYLE_SUGGESTIONS];
    for (const s of all.filter((s) => s !== '')) expect(FRENCH_EXAMPLES[s], s).toBeDefined();
  });
});
