/**
 * The state behind lesson 3's figures: two schedules the reader compares, the
 * shared T, a time t for the image strips, a seed and an image. It lives in the
 * URL, and each schedule is rebuilt once per change, never per frame.
 */
import {
  DEFAULT_BETA_RANGE,
  makeSchedule,
  MAX_T,
  SCHEDULE_KINDS,
  type Schedule,
  type ScheduleKind,
} from '../../diffusion';
import { boolParam, enumParam, intParam, numParam, type UrlRule } from '../../page/url-params';
import { urlState } from '../../page/url-state.svelte';
import { formatNumber } from '../../i18n/format';
import { m } from '../../i18n/messages';
import { scheduleErrorText } from './schedule-error-text';

export const T_MAX_SLIDER = 4000;
export const BETA_MIN = 1e-5;
export const BETA_MAX = 0.2;

export const scheduleParams = {
  a: enumParam<ScheduleKind>('linear', SCHEDULE_KINDS),
  b: enumParam<ScheduleKind>('cosine', SCHEDULE_KINDS),
  // NaN (left out of the URL) means "the kind's published range".
  a0: numParam(NaN, BETA_MIN, BETA_MAX),
  a1: numParam(NaN, BETA_MIN, BETA_MAX),
  b0: numParam(NaN, BETA_MIN, BETA_MAX),
  b1: numParam(NaN, BETA_MIN, BETA_MAX),
  za: boolParam(false),
  zb: boolParam(false),
  T: intParam(1000, 1, Math.min(T_MAX_SLIDER, MAX_T)),
  t: intParam(500, 0, Math.min(T_MAX_SLIDER, MAX_T)),
  seed: intParam(1, 0, 2 ** 31 - 1),
  img: intParam(0, 0, 9999),
};

/** A link's t past its T (t > T) would draw the strips' cursor off the chart: t is clamped to T. */
export const scheduleRules: UrlRule<typeof scheduleParams>[] = [
  (v) => (v.t > v.T ? [{ key: 't', value: v.T, reason: m.url_t_past_T({ T: formatNumber(v.T) }) }] : []),
];

export type Side = 'a' | 'b';

export interface SideView {
  kind: ScheduleKind;
  betaStart: number;
  betaEnd: number;
  zeroTerminalSnr: boolean;
  /** The last schedule that could be built: a bad slider combination never blanks the figure. */
  schedule: Schedule;
  error: string | null;
}

const orDefault = (v: number, d: number) => (Number.isNaN(v) ? d : v);

function build(kind: ScheduleKind, T: number, betaStart: number, betaEnd: number, zeroTerminalSnr: boolean) {
  const range = kind === 'cosine' ? {} : { betaStart, betaEnd };
  return makeSchedule({ kind, T, zeroTerminalSnr, ...range });
}

export class ScheduleLab {
  readonly state = urlState(scheduleParams, scheduleRules);
  private lastGood: Record<Side, Schedule> = {
    a: build('linear', 1000, DEFAULT_BETA_RANGE.linear.start, DEFAULT_BETA_RANGE.linear.end, false),
    b: build('cosine', 1000, 0, 0, false),
  };

  constructor() {
    // A link may ask for a t past its own T (?T=50 with the default t = 500): clamp it
    // as the T slider does, or the strips would read past the end of the schedule.
    if (this.state.t > this.state.T) this.state.t = this.state.T;
  }

  readonly a: SideView = $derived(this.view('a'));
  readonly b: SideView = $derived(this.view('b'));

  private view(side: Side): SideView {
    const s = this.state;
    const kind = side === 'a' ? s.a : s.b;
    const range = kind === 'cosine' ? { start: NaN, end: NaN } : DEFAULT_BETA_RANGE[kind];
    const betaStart = orDefault(side === 'a' ? s.a0 : s.b0, range.start);
    const betaEnd = orDefault(side === 'a' ? s.a1 : s.b1, range.end);
    const zeroTerminalSnr = side === 'a' ? s.za : s.zb;
    try {
      const schedule = build(kind, s.T, betaStart, betaEnd, zeroTerminalSnr);
      this.lastGood[side] = schedule;
      return { kind, betaStart, betaEnd, zeroTerminalSnr, schedule, error: null };
    } catch (err) {
      const error = scheduleErrorText(err);
      return { kind, betaStart, betaEnd, zeroTerminalSnr, schedule: this.lastGood[side], error };
    }
  }

  /** A new kind brings its own published β range, so the sliders start somewhere sensible. */
  setKind(side: Side, kind: ScheduleKind) {
    const s = this.state;
    if (side === 'a') [s.a, s.a0, s.a1] = [kind, NaN, NaN];
    else [s.b, s.b0, s.b1] = [kind, NaN, NaN];
  }

  /** Keeps the strip's t inside a T the reader just shrank. */
  setT(T: number) {
    this.state.T = T;
    if (this.state.t > T) this.state.t = T;
  }
}
