/**
 * The training lab's words that come from elsewhere, in the reader's language:
 * the training worker (src/train) speaks English for its logs and tests, so
 * the messages a reader sees are looked up here by their English text, and
 * an unknown one is shown as it came. The time estimate's words live here for
 * the same reason (src/train/lab-estimate.ts computes the minutes).
 */
import { estimateApplies, minutesToReadable, READABLE_STEPS } from '../../train/lab-estimate';
import type { LabSettings, Phase } from '../../train/protocol';
import { formatFixed, formatNumber } from '../../i18n/format';
import { m } from '../../i18n/messages';

const WORKER_WORDS: Readonly<Record<string, () => string>> = {
  'The GPU was lost. The last saved state is safe.': m.lab_w_gpu_lost,
  'The loss is no longer a number: the learning rate is too high. Lower it and reset.': m.lab_w_nan,
  'Loading the images…': m.lab_w_loading,
  'Building the model…': m.lab_w_building,
  'Nothing to resume: start first.': m.lab_w_nothing,
  'the classifier reads digits, not clothes': m.lab_w_not_clothes,
  'classifier not available': m.lab_w_no_classifier,
};

/** A message from the training worker, in the page's language when it is one we know. */
export function workerWords(message: string): string {
  return WORKER_WORDS[message]?.() ?? message;
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
export function estimateWords(msPerStep: number, s: LabSettings, step = 0): string {
  if (!estimateApplies(s)) return m.lab_estimate_unknown();
  const minutes = minutesToReadable(msPerStep, s, step);
  if (minutes == null) return msPerStep > 0 ? '' : m.lab_estimate_measuring();
  return (minutes === 1 ? m.lab_estimate_one : m.lab_estimate)({ minutes, steps: formatNumber(READABLE_STEPS), sec: formatFixed(msPerStep / 1000, 1) });
}
