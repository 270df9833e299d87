/** The U-Net diagram's selected block, in the URL so a link shows the same block's shapes. */
import { stringParam } from '../text/url';

export const unetParams = {
  // A block id such as "down0.res0"; one the diagram does not have falls back to its first block.
  ublk: stringParam('down0.res0', 40),
};
