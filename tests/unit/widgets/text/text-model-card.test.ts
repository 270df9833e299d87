import { describe, expect, it } from 'vitest';
import { parseTextQuality } from '../../../../src/widgets/text/text-model-card';

const evalOut = {
  count: 500, digitInCell: 0.4013, emptyCell: 0.8867, localisation: 0.2958, real: { digitInCell: 0.98, emptyCell: 1 },
  genSeconds: 466, args: { model: 'trained-models/text-scenes', count: 500, sampler: 'ddim', steps: '50', guidance: 3 },
};

describe('the shipped text model’s measured quality', () => {
  it('reads what eval writes, with the training steps from the train log', () => {
    expect(parseTextQuality(evalOut, { steps: 2613 })).toMatchObject({
      count: 500, steps: 50, guidance: 3, digitInCell: 0.4013, emptyCell: 0.8867, localisation: 0.2958, realDigitInCell: 0.98, trainSteps: 2613,
    });
    expect(parseTextQuality(evalOut)!.trainSteps).toBeUndefined();
    expect(parseTextQuality({ ...evalOut, command: 'npm run eval -- x' })!.command).toBe('npm run eval -- x');
  });
  it('says when the grounding loss was switched on, only if the run got past that step', () => {
    const recipe = { grounding: { weight: 0.01, fromStep: 8000 } };
    expect(parseTextQuality(evalOut, { steps: 9000, recipe })!.groundingFrom).toBe(8000);
    expect(parseTextQuality(evalOut, { steps: 8000, recipe })!.groundingFrom).toBeUndefined();
    expect(parseTextQuality(evalOut, { steps: 9000, recipe: { grounding: { weight: 0, fromStep: 8000 } } })!.groundingFrom).toBeUndefined();
    expect(parseTextQuality(evalOut, { steps: 9000, recipe: {} })!.groundingFrom).toBeUndefined();
  });
  it('claims nothing from a missing or malformed file', () => {
    expect(parseTextQuality(undefined)).toBeNull();
    expect(parseTextQuality({ ...evalOut, localisation: 1.7 })).toBeNull();
    expect(parseTextQuality({ ...evalOut, digitInCell: 'lots' })).toBeNull();
    expect(parseTextQuality({ digitInCell: 0.5, emptyCell: 0.5, localisation: 0.5 })).toBeNull();
  });
});
