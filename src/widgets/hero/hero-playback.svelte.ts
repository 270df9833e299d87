/**
 * Lesson 1's opening figure as state: the frames of the round trip (a real
 * digit dissolving, then the model's new digit, computed in the background as
 * soon as a model is there) and the player that shows them one after another,
 * with a pause on full static. A newer reverse run (the reader switched model)
 * replaces the older one's frames; nothing runs after `destroy()`.
 */
import { makeSchedule } from '../../diffusion/schedule';
import { yieldToPage } from '../../model/shipped';
import type { ModelInfo } from '../../model/model-info';
import type { PageModel } from '../../workers/model/client';
import { m } from '../../i18n/messages';
import { shownClassName } from '../class-names';
import { errorReason } from '../error-text';
import { LatestRequest } from '../latest-request';
import { buildSampler, seededStart, Trajectory } from '../reverse/trajectory';
import { HERO, type HeroFrame } from './hero';

/** Extra time on the last forward frame, full static, before the new digit starts. */
export const STATIC_HOLD_MS = 700;

export class HeroPlayback {
  forward = $state.raw<HeroFrame[]>([]);
  reverse = $state.raw<HeroFrame[]>([]);
  /** Frames the reverse half will have (x_T and one per step). */
  reverseTotal = $state(HERO.steps + 1);
  /** The class the model is asked for, as the page names it. */
  labelName = $state(String(HERO.label));
  error: string | null = $state(null);
  /** Index into forward ++ reverse. */
  cursor = $state(0);
  playing = $state(false);
  played = $state(false);

  readonly all = $derived([...this.forward, ...this.reverse]);
  readonly current = $derived(this.all[Math.min(this.cursor, this.all.length - 1)] ?? null);
  readonly phase = $derived<'forward' | 'reverse'>(this.cursor < this.forward.length ? 'forward' : 'reverse');
  readonly reverseDone = $derived(this.reverseTotal > 0 && this.reverse.length >= this.reverseTotal);

  private timer: ReturnType<typeof setTimeout> | undefined;
  private alive = true;
  private readonly runs = new LatestRequest();

  /** Plays from the first frame, or keeps playing as frames arrive. */
  play(): void {
    this.cursor = 0;
    this.playing = true;
    this.played = false;
    clearTimeout(this.timer);
    this.tick();
  }

  private tick(): void {
    if (!this.alive) return;
    const hold = this.cursor === this.forward.length - 1 ? STATIC_HOLD_MS : 0;
    if (this.cursor < this.all.length - 1) {
      this.cursor++;
    } else if (this.reverseDone || this.error) {
      this.playing = false;
      this.played = true;
      return;
    }
    this.timer = setTimeout(() => this.tick(), HERO.frameMs + hold);
  }

  /** Draws the new digit with `model` (DDIM from the seeded x_T, on the model's own schedule), frame by frame. */
  async sampleReverse(model: PageModel, info: ModelInfo): Promise<void> {
    const my = this.runs.start();
    const size = model.config.imageSize;
    const { xT, stepRng } = seededStart(HERO.seed, size * size * model.config.inChannels);
    const label = Math.min(HERO.label, model.config.numClasses - 1);
    this.labelName = shownClassName(info.classNames[label] ?? String(label));
    const tr = new Trajectory(
      buildSampler(makeSchedule(info.schedule), { kind: 'ddim', steps: Math.min(HERO.steps, model.config.timesteps), spacing: 'linspace', eta: 0, clip: true }),
      xT,
      (x, t) => model.predict({ x, t: [t], labels: [label], guidance: HERO.guidance }),
      stepRng,
    );
    this.reverseTotal = tr.steps + 1;
    this.reverse = [{ t: tr.timeAt(0), x: tr.stateAt(0)!, size }];
    this.error = null;
    try {
      while (my.live && (await tr.next())) {
        if (!my.live) return;
        const k = tr.frames.length;
        this.reverse = [...this.reverse, { t: tr.timeAt(k), x: tr.stateAt(k)!, size }];
        await yieldToPage();
      }
    } catch (e) {
      if (my.live) this.error = m.sampling_failed({ error: errorReason(e) });
    }
  }

  destroy(): void {
    this.alive = false;
    this.runs.cancel();
    clearTimeout(this.timer);
  }
}
