/** "One training step, slowly" (lesson 4): the reader's digit, example, t, noise seed and label drop, in the URL. */
import { boolParam, intParam } from '../../page/url-params';
import { TS } from '../../train/lab-settings';

export const oneStepParams = {
  digit: intParam(7, 0, 9),
  /** Which example of that digit (the test split's order). */
  pick: intParam(0, 0, 9999),
  // The paper's t, 1…T (t = 0 would be x₀ itself), up to the longest T a reader's
  // model can have; the slider holds it under the loaded model's T.
  t: intParam(300, 1, Math.max(...TS)),
  seed: intParam(1, 0, 2 ** 31 - 1),
  drop: boolParam(false),
};
