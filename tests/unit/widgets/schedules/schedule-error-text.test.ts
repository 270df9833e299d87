import { afterEach, describe, expect, it } from 'vitest';
import { makeSchedule, ScheduleError, type ScheduleErrorCode } from '../../../../src/diffusion';
import { scheduleErrorText } from '../../../../src/widgets/schedules/schedule-error-text';
import { useLocale } from '../../i18n/page-locale';

function thrown(opts: Parameters<typeof makeSchedule>[0]): ScheduleError {
  try {
    makeSchedule(opts);
  } catch (e) {
    if (e instanceof ScheduleError) return e;
    throw e;
  }
  throw new Error('makeSchedule did not throw');
}

// Each way lesson 3's sliders or a link can fail, with the code the maths core gives it.
const cases: Array<[ScheduleErrorCode, Parameters<typeof makeSchedule>[0]]> = [
  ['order', { kind: 'linear', T: 100, betaStart: 0.02, betaEnd: 0.01 }],
  ['beta-range', { kind: 'linear', T: 100, betaEnd: 1 }],
  ['T-range', { kind: 'linear', T: 0 }],
  ['beta-too-small', { kind: 'linear', T: 100, betaStart: 1e-18, betaEnd: 0.02 }],
  ['alpha-underflow', { kind: 'linear', T: 1000, betaStart: 0.5, betaEnd: 0.95 }],
  ['invalid-option', { kind: 'quadratic' as never, T: 100 }],
];

describe('schedule errors as the reader sees them', () => {
  afterEach(() => useLocale('en'));

  it.for(cases)('%s: the maths core names the failure, and both languages have their own words for it', ([code, opts]) => {
    const err = thrown(opts);
    expect(err.code).toBe(code);
    useLocale('en');
    const en = scheduleErrorText(err);
    useLocale('fr');
    const fr = scheduleErrorText(err);
    expect(en).not.toBe(fr);
    // The engineer's English message never leaks into the page.
    expect(fr).not.toContain(err.message);
    expect(en).not.toContain('undefined');
    expect(fr).not.toContain('?');
  });

  it('puts the numbers in, formatted for the language', () => {
    const err = thrown({ kind: 'linear', T: 100, betaStart: 0.025, betaEnd: 0.0125 });
    useLocale('en');
    expect(scheduleErrorText(err)).toContain('0.025');
    useLocale('fr');
    expect(scheduleErrorText(err)).toContain('0,025');
    // Thousands grouped the French way, with a narrow no-break space.
    expect(scheduleErrorText(thrown({ kind: 'linear', T: 1000, betaStart: 0.5, betaEnd: 0.95 }))).toMatch(/T = 1\u202f000\u202f: .* t = \d+/);
  });

  it('says something readable for an error that is not a schedule error', () => {
    useLocale('fr');
    expect(scheduleErrorText(new TypeError('x is undefined'))).toBe('Ces réglages ne donnent pas un échéancier valide');
  });
});
