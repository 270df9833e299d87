/**
 * Drives one or two Trajectories (the main column and its "compare with…"
 * twin) towards the position the reader wants, one network call at a time,
 * yielding to the event loop between calls so the page never freezes. Reactive
 * through `version`, which ticks after every computed step.
 */
import { yieldToPage } from '../../model/shipped';
import type { Trajectory } from './trajectory';
import { errorReason } from '../error-text';

export class SamplerRun {
  version = $state(0);
  busy = $state(false);
  error: string | null = $state(null);
  /** The main column's position wanted now (play keeps it a step ahead). */
  private target = 0;
  private alive = true;
  private looping = false;

  readonly a: Trajectory;
  readonly b: Trajectory | null;

  constructor(a: Trajectory, b: Trajectory | null) {
    this.a = a;
    this.b = b;
  }

  /** The compare column's position that goes with the main column's position k. */
  partner(k: number): number {
    return this.b ? this.b.positionAtTime(this.a.timeAt(k)) : 0;
  }

  /** Whether position k can be drawn now in every column. */
  canShow(k: number): boolean {
    void this.version;
    if (this.a.available < this.a.clamp(k)) return false;
    return !this.b || this.b.available >= this.partner(k);
  }

  /** The furthest position ≤ k that can be drawn now. */
  shownFor(k: number): number {
    void this.version;
    let j = this.a.clamp(Math.min(k, this.a.available));
    while (j > 0 && !this.canShow(j)) j--;
    return j;
  }

  want(k: number): void {
    this.target = this.a.clamp(k);
    if (!this.looping && this.alive) void this.loop();
  }

  private nextJob(): Trajectory | null {
    const k = this.target;
    if (this.a.frames.length < this.a.framesFor(k)) return this.a;
    if (this.b && this.b.frames.length < this.b.framesFor(this.partner(k))) return this.b;
    return null;
  }

  private async loop(): Promise<void> {
    this.looping = true;
    this.busy = true;
    try {
      for (let job = this.nextJob(); job && this.alive; job = this.nextJob()) {
        await job.next();
        if (!this.alive) return;
        this.version++;
        await yieldToPage();
      }
    } catch (e) {
      if (this.alive) this.error = errorReason(e);
    } finally {
      this.looping = false;
      if (this.alive) this.busy = false;
    }
  }

  /** Stops computing (the trajectories are kept as they are). */
  stop(): void {
    this.alive = false;
  }
}
