/**
 * Lesson 2's figure state in the URL. Exported (not inline in the component)
 * so that exercise links can be checked against the same list in Node.
 */
import { SCHEDULE_KINDS, type ScheduleKind } from '../../diffusion/schedules';
import { enumParam, intParam } from '../../runtime/url-params';
import { SEED_MAX } from '../controls/seed';
import { imageSourceParams } from '../image-source';

export const FORWARD_T = 1000;

export const FORWARD_URL = {
  ...imageSourceParams(),
  t: intParam(250, 0, FORWARD_T),
  seed: intParam(1, 0, SEED_MAX),
  sched: enumParam<ScheduleKind>('linear', SCHEDULE_KINDS),
};
