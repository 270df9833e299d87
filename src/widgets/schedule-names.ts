/** The schedules' names as readers see them (the maths in src/diffusion names them by kind only). */
import type { ScheduleKind } from '../diffusion/beta-schedules';
import { m } from '../i18n/messages';

export const SCHEDULE_NAMES: Readonly<Record<ScheduleKind, () => string>> = {
  linear: m.schedule_linear,
  cosine: m.schedule_cosine,
  sigmoid: m.schedule_sigmoid,
  'scaled-linear': m.schedule_scaled_linear,
};

/** The schedules' short names, for a legend or a one-line summary ("A: cosine"). */
export const SCHEDULE_KIND_NAMES: Readonly<Record<ScheduleKind, () => string>> = {
  linear: m.kind_linear,
  cosine: m.kind_cosine,
  sigmoid: m.kind_sigmoid,
  'scaled-linear': m.kind_scaled_linear,
};
