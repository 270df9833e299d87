/**
 * The text model's quality meter, calibrated on REAL held-out scenes: the
 * blank-cell rule and the cell classifier must agree with the scene's own
 * spec there, or the card's figures would measure the meter, not the model.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigits } from '../../../src/data/digits';
import { CELLS, digitSource, makeSceneBatch, SCENE_PIXELS, type SceneBatch } from '../../../src/data/scenes';
import { loadClassifier } from '../../../src/model/classifier';
import { encodeBatch } from '../../../src/text/tokenizer';
import { startNodeBackend } from '../../../src/backends/node';
import { runClassifier } from '../../../src/eval/digit-meter';
import { cellIndexAt, cellMassShares, cellTo28, digitTokenPositions, emptyScore, isBlankCell, rates, scoreScene } from '../../../src/eval/scene-meter';

let scenes: SceneBatch;
beforeAll(async () => {
  await startNodeBackend('wasm');
  scenes = makeSceneBatch(digitSource(await loadDigits('mnist', 'test')), { count: 300, seed: 7, split: 'eval' });
});

describe('scene quality meter', () => {
  it('on real scenes, named cells have ink and unnamed cells are blank', () => {
    let named = 0, namedInk = 0, other = 0, otherBlank = 0;
    scenes.specs.forEach((spec, i) => {
      const img = scenes.images.subarray(i * SCENE_PIXELS, (i + 1) * SCENE_PIXELS);
      const cells = new Set(spec.digits.map((d) => d.cell));
      for (const c of CELLS) {
        if (cells.has(c)) (named++, (namedInk += isBlankCell(img, c) ? 0 : 1));
        else (other++, (otherBlank += isBlankCell(img, c) ? 1 : 0));
      }
    });
    expect(namedInk / named).toBeGreaterThan(0.99);
    expect(otherBlank / other).toBeGreaterThan(0.99);
  });

  it('on real scenes, the classifier reads ≥ 95% of digits in their cell (the ceiling the model is judged against)', async () => {
    const cls = loadClassifier(new Uint8Array(readFileSync('trained-models/digit-classifier/weights.ddmw')));
    const crops: Uint8Array[] = [];
    const want: number[] = [];
    scenes.specs.forEach((spec, i) => {
      for (const d of spec.digits) {
        crops.push(cellTo28(scenes.images.subarray(i * SCENE_PIXELS, (i + 1) * SCENE_PIXELS), d.cell));
        want.push(d.label);
      }
    });
    const images = new Uint8Array(crops.length * 784);
    crops.forEach((c, i) => images.set(c, i * 784));
    const { predictions } = await runClassifier(cls.weights, cls.config, { count: crops.length, images });
    const right = want.filter((l, i) => predictions[i] === l).length;
    expect(right / want.length).toBeGreaterThan(0.95);
  });

  it('cell shares: a uniform map gives 1/4 per cell, a map on one cell gives it all', () => {
    const size = 8, L = 3;
    const uniform = new Float32Array(size * size * L).fill(1 / L);
    for (const v of cellMassShares(uniform, 1, size, L)) expect(v).toBeCloseTo(0.25, 10);
    // Token 1 is read only by bottom-right pixels (every pixel still sums to 1 over tokens).
    const m = new Float32Array(size * size * L);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) {
      const p = r * size + c;
      if (cellIndexAt(r, c, size) === 3) m[p * L + 1] = 1;
      else m[p * L] = 1;
    }
    const s = cellMassShares(m, 1, size, L);
    expect(Array.from(s.subarray(4, 8))).toEqual([0, 0, 0, 1]);
    expect(Array.from(s.subarray(8, 12))).toEqual([0.25, 0.25, 0.25, 0.25]); // nobody reads token 2
  });

  it('digit tokens are found in caption order, whatever the phrasing', () => {
    const L = 16;
    const ids = encodeBatch(['a seven in the bottom right and 2 top right'], { maxTokens: L });
    expect(digitTokenPositions(ids)).toEqual([1, 7]);
    expect(digitTokenPositions(encodeBatch(['three top left, eight bottom right'], { maxTokens: L }))).toEqual([0, 4]);
  });

  it('scoreScene counts digits, blanks and the own-cell share of each digit token', () => {
    const i = scenes.specs.findIndex((s) => s.digits.length === 2);
    const spec = scenes.specs[i];
    const img = scenes.images.subarray(i * SCENE_PIXELS, (i + 1) * SCENE_PIXELS);
    const L = 16;
    const ids = encodeBatch([scenes.captions[i]], { maxTokens: L });
    const shares = new Float64Array(L * 4).fill(0.25);
    const [p0, p1] = digitTokenPositions(ids);
    shares.fill(0, p0 * 4, p0 * 4 + 4);
    shares[p0 * 4 + CELLS.indexOf(spec.digits[0].cell)] = 1; // first digit token: all in its cell; second: chance
    const truth = new Map(spec.digits.map((d) => [d.cell, d.label]));
    const acc = scoreScene(img, spec, (c) => truth.get(c) ?? -1, emptyScore(), { ids, shares });
    expect(acc.digitInCell).toEqual({ correct: 2, total: 2 });
    expect(acc.emptyCells).toEqual({ blank: 2, total: 2 });
    expect(rates(acc).localisation).toBeCloseTo((1 + 0.25) / 2, 10);
    expect(p1).toBeGreaterThan(p0);
    // A wrong reading counts against the model, and so does a right reading of a blank cell.
    const wrong = scoreScene(img, spec, () => 11, emptyScore());
    expect(wrong.digitInCell.correct).toBe(0);
    const blank = scoreScene(new Uint8Array(SCENE_PIXELS), spec, (c) => truth.get(c) ?? -1, emptyScore());
    expect(blank.digitInCell.correct).toBe(0);
    expect(blank.emptyCells).toEqual({ blank: 2, total: 2 });
  });
});
