/**
 * The one error type for a schedule that cannot be built. Its message always
 * starts with the name of the offending parameter, so a widget can show it next
 * to the slider that caused it ("betaEnd must be in (0, 1), got 1").
 */
export class ScheduleError extends Error {
  /** The option at fault: 'T', 'betaStart', 'betaEnd', 'kind', 'cosineS', 'zeroTerminalSnr'. */
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super(message);
    this.name = 'ScheduleError';
    this.parameter = parameter;
  }
}
