/**
 * The training lab's words that come from elsewhere, in the reader's language:
 * the training worker (src/train) sends codes (notes, accuracy notes, failure
 * codes) and English details, and the words for each code live here, so no
 * English sentence reaches the page. The time estimate's words live here for
 * the same reason (src/train/lab-estimate.ts computes the minutes).
 */
import { estimateApplies, minutesToReadable, READABLE_STEPS } from '../../train/lab-estimate';
import type { AccuracyNote, LabNote, Phase } from '../../workers/training/protocol';
import type { LabSettings } from '../../train/lab-settings';
import type { FailureCode } from '../../failures/failure-codes';
import { formatFixed, formatNumber } from '../../i18n/format';
import { m } from '../../i18n/messages';
import { failureReason } from '../error-text';

const NOTES: Readonly<Record<LabNote, () => string>> = {
  'gpu-lost': m.lab_w_gpu_lost,
  'nan-loss': m.lab_w_nan,
  loading: m.lab_w_loading,
  building: m.lab_w_building,
  'nothing-to-resume': m.lab_w_nothing,
};

/** What the worker says beside its phase. */
export function noteWords(note: LabNote): string {
  return NOTES[note]();
}

/** Why a sample grid shows no accuracy; `detail` is the English detail of a failed classifier load. */
export function accuracyWords(note: AccuracyNote, detail = ''): string {
  switch (note) {
    case 'not-digits':
      return m.lab_w_not_clothes();
    case 'no-classifier':
      return m.lab_w_no_classifier();
    case 'classifier-failed':
      return m.lab_w_classifier_failed({ detail });
  }
}

/**
 * A failed worker command as the reader's sentence. A save refused for space
 * or by the browser says that the last save survives; everything else gets the
 * lab's lead and the failure's clause (`where` is kept for logs, not words).
 */
export function labErrorWords(code: FailureCode, detail: string): string {
  if (code === 'storage-full') return m.lab_save_quota();
  if (code === 'storage-failed') return m.lab_save_failed({ detail });
  return m.lab_error({ error: failureReason(code, detail) });
}

const PHASES: Readonly<Record<Phase, () => string>> = {
  booting: m.lab_phase_booting,
  idle: m.lab_phase_idle,
  loading: m.lab_phase_loading,
  training: m.lab_phase_training,
  paused: m.lab_phase_paused,
  lost: m.lab_phase_lost,
  failed: m.lab_phase_failed,
};

export function phaseName(phase: Phase): string {
  return PHASES[phase]?.() ?? phase;
}

/** "About N minutes to readable digits here (…)", or why there is no estimate; '' once there. */
export function estimateWords(msPerStep: number, s: LabSettings, step = 0, training = true): string {
  if (!estimateApplies(s)) return m.lab_estimate_unknown();
  const minutes = minutesToReadable(msPerStep, s, step);
  if (minutes == null) return msPerStep > 0 ? '' : training ? m.lab_estimate_measuring() : step === 0 ? m.lab_estimate_before() : '';
  return (minutes === 1 ? m.lab_estimate_one : m.lab_estimate)({ minutes, steps: formatNumber(READABLE_STEPS), sec: formatFixed(msPerStep / 1000, 1) });
}
