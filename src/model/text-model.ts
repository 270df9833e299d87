/**
 * The shipped text-to-image model (lessons 6–8), and its tiny random stand-in
 * for browser tests (`?model=tiny`: 8×8 images, draws nothing meaningful).
 */
import type { BrowserModel } from './browser-model';
import { unetConfig } from './config';
import { initUNet } from './unet';

export { SHIPPED_TEXT_MODEL_URL } from './shipped';

export function tinyTextModel(seed = 1): BrowserModel {
  const config = unetConfig('tiny-text');
  return { config, weights: initUNet(config, { seed, zeroFinal: false }), meta: {}, source: 'tiny text model (random, tests only)', isTest: true };
}
