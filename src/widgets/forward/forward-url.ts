/** Lesson 2's URL state: the image, the time t, the noise seed and the schedule. */
import { SCHEDULE_KINDS, type ScheduleKind } from '../../diffusion';
import { enumParam, intParam } from '../../page/url-params';
import { SEED_MAX } from '../controls/seed';
import { imageSourceParams } from '../image-source';

export const FORWARD_T = 1000;

export const forwardParams = {
  ...imageSourceParams(),
  t: intParam(250, 0, FORWARD_T),
  seed: intParam(1, 0, SEED_MAX),
  sched: enumParam<ScheduleKind>('linear', SCHEDULE_KINDS),
};
