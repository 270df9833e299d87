/**
 * The one error type for a schedule that cannot be built. It names the
 * offending parameter and says what went wrong as a code with the numbers
 * involved, so a widget can put the reader's own words next to the slider that
 * caused it; the English `message` is for engineers and logs.
 */
export type ScheduleErrorCode =
  /** A β outside (0, 1): values.value. */
  | 'beta-range'
  /** T not an integer in [1, values.max]: values.value. */
  | 'T-range'
  /** β start above (or, for linear kinds, equal to) β end: values.start, values.end. */
  | 'order'
  /** 1 − β rounds to 1 at step values.t: β start too small to move anything. */
  | 'beta-too-small'
  /** ᾱ underflows to 0 at step values.t, before the last step. */
  | 'alpha-underflow'
  /** Anything only code can cause (a wrong type, an unknown kind, cosine's s out of range). */
  | 'invalid-option';

export class ScheduleError extends Error {
  /** The option at fault: 'T', 'betaStart', 'betaEnd', 'kind', 'cosineS', 'zeroTerminalSnr', 'options'. */
  readonly parameter: string;
  readonly code: ScheduleErrorCode;
  readonly values: Readonly<Record<string, number>>;

  constructor(parameter: string, message: string, code: ScheduleErrorCode = 'invalid-option', values: Record<string, number> = {}) {
    super(message);
    this.name = 'ScheduleError';
    this.parameter = parameter;
    this.code = code;
    this.values = values;
  }
}
