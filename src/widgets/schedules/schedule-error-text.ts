import { MAX_T, ScheduleError } from '../../diffusion';
import { formatNumber, formatSignificant } from '../../i18n/format';
import { m } from '../../i18n/messages';

/** A schedule that cannot be built, in the reader's words and language (the maths core's own message is English, for engineers). */
export function scheduleErrorText(err: unknown): string {
  if (!(err instanceof ScheduleError)) return m.sched_error_invalid();
  const v = err.values;
  const sig = (x: number | undefined) => (x === undefined ? '?' : formatSignificant(x, 2));
  switch (err.code) {
    case 'order':
      return m.sched_error_order({ start: sig(v.start), end: sig(v.end) });
    case 'beta-range':
      return m.sched_error_beta_range({ value: sig(v.value) });
    case 'T-range':
      return m.sched_error_T_range({ value: sig(v.value), max: formatNumber(v.max ?? MAX_T) });
    case 'beta-too-small':
      return m.sched_error_beta_too_small({ t: formatNumber(v.t ?? 0) });
    case 'alpha-underflow':
      return m.sched_error_alpha_underflow({ t: formatNumber(v.t ?? 0), T: formatNumber(v.T ?? 0) });
    default:
      return m.sched_error_invalid();
  }
}
