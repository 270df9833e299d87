/** The URL state of lesson 2's figure, in a plain module so the property-based test drives what the page reads. */
import { enumParam, intParam } from '../../runtime/url-params';
import { SCHEDULE_KINDS, type ScheduleKind } from '../../diffusion';
import { SEED_MAX } from '../controls/seed';
import { imageSourceParams } from '../image-source';

/** The forward process figure's number of steps. */
export const FORWARD_T = 1000;

export const forwardUrlSpec = () => ({
  ...imageSourceParams(),
  t: intParam(250, 0, FORWARD_T),
  seed: intParam(1, 0, SEED_MAX),
  sched: enumParam<ScheduleKind>('linear', SCHEDULE_KINDS),
});
