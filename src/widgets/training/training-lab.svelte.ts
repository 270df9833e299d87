/**
 * The page side of the training lab: owns the Web Worker, turns its messages
 * (src/workers/training/protocol.ts) into reactive state, and sends the reader's
 * commands. No maths here, and nothing heavy: the worker trains, this only
 * records numbers.
 */
import { isFromWorker, type BackendInfo, type FromWorker, type LabNote, type Phase, type SampleGrid, type ToWorker } from '../../workers/training/protocol';
import { DEFAULT_SETTINGS, needsNewModel, normaliseSettings, TINY_SETTINGS, type LabSettings, type StartFrom } from '../../train/lab-settings';
import { modelStore } from '../../page/model-store.svelte';
import { tryTrainingLock } from './training-lock';
import { LossHistory, type LossView } from './loss-series';
import { startTfWorker } from '../../workers/start-worker';
import { formatNumber } from '../../i18n/format';
import { m as msg } from '../../i18n/messages';
import { failureReason } from '../error-text';
import { labErrorWords } from './lab-words';
import { RECENT_STEPS, typicalStepMs, WARM_STEPS } from '../../train/lab-estimate';

/** The lab's words that are not in TrainingLab.svelte, from the message catalogues. */
export const LAB_STRINGS = {
  get otherTab() { return msg.lab_other_tab(); },
  get importElsewhere() { return msg.lab_import_elsewhere(); },
  get resetElsewhere() { return msg.lab_reset_elsewhere(); },
  workerFailed: (why: string) => msg.lab_worker_failed({ why: why || msg.lab_unknown_error() }),
  get badMessage() { return msg.lab_bad_message(); },
  imported: (name: string, step: number) => msg.lab_imported({ name, step: formatNumber(step) }),
} as const;

export interface LabOptions {
  /** `?lab=tiny`: the tiny test preset (see protocol.ts). */
  tiny?: boolean;
  /** `?backend=`: passed on to the worker. */
  backend?: string | null;
  initial?: Partial<LabSettings>;
}

export class TrainingLab {
  phase: Phase = $state('booting');
  /** What the worker says beside its phase (worded by lab-words.ts). */
  note: LabNote | null = $state(null);
  error: string | null = $state(null);
  importError: string | null = $state(null);
  notice: string | null = $state(null);
  info: BackendInfo | null = $state.raw(null);
  step = $state(0);
  lr = $state(0);
  elapsedMs = $state(0);
  stepsPerSec = $state(0);
  imagesPerSec = $state(0);
  msPerStep = $state(0);
  /** This run's step times (ms), newest last, kept short: what the time estimate reads. */
  private stepTimes: number[] = [];
  /** The typical step time of this run so far (0 while too few steps are in): see typicalStepMs. */
  typicalMs = $state(0);
  tensors = $state(0);
  bytes = $state(0);
  /** The loss curve, in bounded memory however long the lab trains; replaced (not mutated) at most a few times a second. */
  losses: LossView = $state.raw(new LossHistory().view());
  grid: SampleGrid | null = $state.raw(null);
  savedStep: number | null = $state(null);
  savedAt: number | null = $state(null);
  lostMessage: string | null = $state(null);
  nextBackend: string | null = $state(null);
  /** What the reader has set in the controls. */
  settings: LabSettings = $state(DEFAULT_SETTINGS);
  /** What the model in the worker was built with (null: no model yet). */
  trained: LabSettings | null = $state.raw(null);
  startFrom: StartFrom = $state('scratch');
  /** Set when Start or Resume found another tab training (see TRAINING_LOCK). */
  elsewhere: string | null = $state(null);

  private worker: Worker | null = null;
  private history = new LossHistory();
  private pendingLosses: number[] = [];
  private flushTimer = 0;
  private onExport: ((bytes: Uint8Array, name: string) => void) | null = null;
  private release: (() => void) | null = null;
  /** Paused: the lock goes once the pause's save has landed, so the next tab never races it. */
  private releaseOnSave = false;
  private locking: Promise<boolean> | null = null;
  /** The lock was taken for an import alone: it goes when the import has answered. */
  private importHolds = false;

  constructor(private opts: LabOptions = {}) {
    this.settings = normaliseSettings({ ...opts.initial, ...(opts.tiny ? TINY_SETTINGS : {}) });
  }

  /** Settings whose change needs a new model, compared with the model in the worker. */
  get blocked(): string[] {
    return this.trained ? needsNewModel(this.trained, this.settings) : [];
  }
  get hasModel(): boolean {
    return this.trained !== null;
  }

  connect(): void {
    if (this.worker) return;
    this.worker = startTfWorker('training');
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => {
      this.phase = 'failed';
      this.error = LAB_STRINGS.workerFailed(e.message);
      this.unlock();
    };
    this.send({ type: 'init', settings: $state.snapshot(this.settings) as LabSettings, backend: this.opts.backend ?? null });
  }

  disconnect(): void {
    clearTimeout(this.flushTimer);
    this.unlock();
    this.worker?.terminate();
    this.worker = null;
  }

  private send(m: ToWorker, transfer: Transferable[] = []) {
    this.worker?.postMessage(m, transfer);
  }
  private snap(): LabSettings {
    return $state.snapshot(this.settings) as LabSettings;
  }

  /**
   * True when this tab may write the saved model now (train, import, reset);
   * false when another tab trains. Every writer takes the same lock, since
   * all of them write the one model this browser keeps.
   */
  private take(): Promise<boolean> {
    this.releaseOnSave = false;
    if (this.release) return Promise.resolve(true);
    // A second click while the first waits for the lock shares its answer:
    // asking again would find this very tab holding it.
    this.locking ??= tryTrainingLock().then((release) => {
      this.locking = null;
      // Disconnected while waiting: nothing will write here, so nothing may hold the lock.
      if (release && !this.worker) {
        release();
        return false;
      }
      if (!release) return false;
      this.release = release;
      return true;
    });
    return this.locking;
  }
  /** Takes the lock to train; otherwise says why on the page. */
  private async lock(): Promise<boolean> {
    const ok = await this.take();
    this.elsewhere = ok ? null : LAB_STRINGS.otherTab;
    // Training owns the lock from now on, even if an import took it.
    if (ok) this.importHolds = false;
    return ok;
  }
  private unlock(): void {
    this.releaseOnSave = false;
    this.importHolds = false;
    this.release?.();
    this.release = null;
  }

  async start(): Promise<void> {
    if (!(await this.lock())) return;
    this.error = null;
    this.clearLosses();
    this.grid = null;
    this.step = 0;
    this.send({ type: 'start', settings: this.snap(), from: this.startFrom });
  }
  pause(): void {
    if (this.release) this.releaseOnSave = true;
    this.send({ type: 'pause' });
  }
  async resume(): Promise<void> {
    if (!(await this.lock())) return;
    this.error = null;
    this.send({ type: 'resume', settings: this.snap() });
  }
  async reset(): Promise<void> {
    // Reset deletes the saved model, which a tab that trains keeps writing.
    // The lock goes again when the worker reports idle (lockFollows).
    if (!(await this.take())) {
      this.elsewhere = LAB_STRINGS.resetElsewhere;
      return;
    }
    this.elsewhere = null;
    this.send({ type: 'reset' });
    this.clearLosses();
    this.grid = null;
    this.step = 0;
    this.elapsedMs = 0;
    this.trained = null;
    this.savedStep = null;
    this.savedAt = null;
  }
  /** The learning rate applies from the next step, without a reset. */
  setLr(lr: number): void {
    this.settings.lr = lr;
    if (this.hasModel) this.send({ type: 'setLr', lr });
  }
  /** Batch, weighting, data set and classes apply from the next step; model-shaping keys wait for a reset. */
  applySettings(): void {
    if (this.hasModel) this.send({ type: 'setSettings', settings: this.snap() });
  }
  exportModel(done: (bytes: Uint8Array, name: string) => void): void {
    this.onExport = done;
    this.send({ type: 'export' });
  }
  /**
   * An import is saved at once as the model this browser keeps, so it takes
   * the training lock: while another tab trains, that tab's next save would
   * overwrite it. Refused, nothing is sent and nothing changes here.
   */
  async importFile(bytes: Uint8Array, name: string): Promise<void> {
    this.importError = null;
    // A success notice from an earlier import must not stand next to this one's error.
    this.notice = null;
    // Held already because this tab trains: the import ends that training (the
    // worker pauses), and the lock goes with it as it does on a pause. Held only
    // until a pause's save lands: the import keeps it until it has answered.
    const heldBefore = this.release !== null && !this.releaseOnSave;
    if (!(await this.take())) {
      this.importError = LAB_STRINGS.importElsewhere;
      return;
    }
    if (!heldBefore) this.importHolds = true;
    this.send({ type: 'import', bytes, name }, [bytes.buffer as ArrayBuffer]);
  }
  private importAnswered(): void {
    if (this.importHolds) this.unlock();
  }
  fallback(): void {
    this.lostMessage = null;
    this.send({ type: 'fallback' });
  }
  /** Tests only: simulate a lost GPU. */
  loseDevice(): void {
    this.send({ type: 'loseDevice' });
  }

  private flushLosses() {
    this.flushTimer = 0;
    if (!this.pendingLosses.length) return;
    for (const v of this.pendingLosses) this.history.push(v);
    this.pendingLosses = [];
    this.losses = this.history.view();
  }
  private clearLosses(from: readonly number[] = []) {
    this.history = LossHistory.from(from);
    this.pendingLosses = [];
    this.losses = this.history.view();
  }

  private receive(m: unknown) {
    if (!isFromWorker(m)) {
      this.error = LAB_STRINGS.badMessage;
      return;
    }
    this.handle(m);
  }

  private handle(m: FromWorker) {
    switch (m.type) {
      case 'ready':
        this.info = m.info;
        return;
      case 'status':
        // A new stretch of training (start, resume, another backend): its first steps are warm-up again.
        if (m.phase === 'training' && this.phase !== 'training') {
          this.stepTimes = [];
          this.typicalMs = 0;
        }
        this.phase = m.phase;
        this.note = m.note ?? null;
        this.step = m.step;
        if (m.phase === 'idle') this.trained = null;
        else if (m.settings && m.phase !== 'lost') this.trained = m.settings;
        this.lockFollows(m.phase);
        return;
      case 'progress':
        this.step = m.step;
        this.lr = m.lr;
        this.elapsedMs = m.elapsedMs;
        this.stepsPerSec = m.stepsPerSec;
        this.imagesPerSec = m.imagesPerSec;
        this.msPerStep = m.msPerStep;
        this.stepTimes.push(m.msPerStep);
        if (this.stepTimes.length > WARM_STEPS + RECENT_STEPS) this.stepTimes.splice(WARM_STEPS, 1);
        this.typicalMs = typicalStepMs(this.stepTimes);
        this.tensors = m.tensors;
        this.bytes = m.bytes;
        this.pendingLosses.push(m.loss);
        // The chart redraws at most every 400 ms, however fast the steps come.
        if (!this.flushTimer) this.flushTimer = window.setTimeout(() => this.flushLosses(), 400);
        return;
      case 'samples':
        this.grid = m.grid;
        return;
      case 'saved':
        this.savedStep = m.step;
        this.savedAt = m.at;
        if (this.releaseOnSave) this.unlock();
        void modelStore.refresh();
        return;
      case 'restored':
        this.step = m.step;
        this.elapsedMs = m.elapsedMs;
        this.clearLosses(m.losses);
        this.trained = m.settings;
        this.settings = { ...m.settings, lr: m.settings.lr };
        this.savedStep = m.step;
        this.savedAt = m.savedAt;
        return;
      case 'exported':
        this.onExport?.(m.bytes, m.name);
        this.onExport = null;
        return;
      case 'imported':
        this.notice = LAB_STRINGS.imported(m.name, m.step);
        // Sent after the import's save has landed.
        this.importAnswered();
        void modelStore.refresh();
        return;
      case 'error':
        if (m.where === 'import') {
          this.importError = failureReason(m.code, m.message);
          this.notice = null;
          this.importAnswered();
        }
        else this.error = labErrorWords(m.code, m.message);
        // A failed pause-save must not keep the other tabs locked out.
        if (m.where === 'save' && this.releaseOnSave) this.unlock();
        // A failed reset has dropped the model all the same: nothing trains here any more.
        if (m.where === 'reset') this.unlock();
        return;
      case 'deviceLost':
        this.lostMessage = m.message;
        this.nextBackend = m.next;
        this.savedStep = m.savedStep;
        return;
    }
  }

  /**
   * The lock lives as long as the worker trains: gone on idle (reset) and on
   * failure, and after the save on pause. A lost device keeps it, since
   * continuing on the next backend trains on.
   */
  private lockFollows(phase: Phase) {
    if (!this.release) return;
    if (phase === 'idle' || phase === 'failed') this.unlock();
    // Paused by the reader: the worker saves next, and 'saved' lets go. Paused
    // by the worker (a loss that is not a number, a failed step): no save comes.
    else if (phase === 'paused' && !this.releaseOnSave) this.unlock();
  }
}
