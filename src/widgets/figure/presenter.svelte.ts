/**
 * Presenter mode: one figure at a time fills the screen, and → / ← walk
 * through its scenes (or, for "Present this lesson", every figure's scenes in
 * turn). Scenes write the same URL-state objects the widgets read, so the
 * figure redraws itself; the reader's own values are snapshot on entry and put
 * back on leaving, so presenting costs them nothing.
 */
import { liveKeys, readLive, writeLive } from '../../page/url-registry';
import { figureAnchor } from '../../page/figure-state.svelte';
import { isControl, move, presenterAction, stopsOf, tweenValue, type Stop } from './presenter-logic';
import type { LessonScenes } from './scenes';

const TWEEN_MS = 600;

class Presenter {
  stops = $state.raw<Stop[]>([]);
  index = $state(0);
  blank = $state(false);
  /** True for "Present this lesson": each stop shows its figure's title as a heading. */
  walk = $state(false);
  readonly active = $derived(this.stops.length > 0);
  readonly current: Stop | undefined = $derived(this.stops[this.index]);

  private lesson: LessonScenes | undefined;
  private snapshot: Record<string, unknown> = {};
  private returnFocus: HTMLElement | null = null;
  private tween = 0;
  private wentFullscreen = false;
  private readonly onKey = (e: KeyboardEvent) => this.key(e);

  /** Whether figure `id` is the one on screen. */
  showing(id: string): boolean {
    return this.current?.figure === id;
  }

  /** Scenes of the stop on screen: its name and position, for the on-screen label. */
  sceneInfo(): { name: string; number: number; count: number } | null {
    const stop = this.current;
    if (!stop || stop.scene === null) return null;
    const scenes = this.lesson?.figures[stop.figure]?.scenes ?? [];
    const scene = scenes[stop.scene];
    return scene ? { name: scene.name, number: stop.scene + 1, count: scenes.length } : null;
  }

  /** Present one figure and its scenes. */
  presentFigure(id: string, lesson: LessonScenes | undefined) {
    this.start([id], lesson, false);
  }

  /** Present every figure on the page, in order, with their scenes. */
  presentLesson(ids: readonly string[], lesson: LessonScenes | undefined) {
    this.start(ids, lesson, true);
  }

  private start(ids: readonly string[], lesson: LessonScenes | undefined, walk: boolean) {
    if (this.active) this.leave();
    this.lesson = lesson;
    this.snapshot = readLive(liveKeys());
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.walk = walk;
    this.blank = false;
    this.stops = stopsOf(ids.map((id) => ({ id, scenes: lesson?.figures[id]?.scenes.length ?? 0 })));
    document.documentElement.classList.add('presenting');
    addEventListener('keydown', this.onKey, true);
    this.go(0, false);
  }

  go(index: number, animate = true) {
    const previous = this.current;
    this.index = Math.max(0, Math.min(this.stops.length - 1, index));
    const stop = this.current;
    if (!stop) return;
    if (stop.scene !== null) {
      const fs = this.lesson?.figures[stop.figure];
      const state = fs?.scenes[stop.scene]?.state ?? {};
      this.apply(state as Record<string, unknown>, animate && !!fs?.tween && previous?.figure === stop.figure);
    }
    if (previous?.figure !== stop.figure) {
      // After the figure has become the presented one; focus on it keeps arrows for the presenter.
      requestAnimationFrame(() => document.getElementById(figureAnchor(stop.figure))?.focus({ preventScroll: true }));
    }
  }

  step(action: 'next' | 'prev' | 'first' | 'last') {
    this.go(move(this.index, this.stops.length, action));
  }

  leave() {
    if (!this.active) return;
    cancelAnimationFrame(this.tween);
    removeEventListener('keydown', this.onKey, true);
    writeLive(this.snapshot);
    this.stops = [];
    this.index = 0;
    this.blank = false;
    this.walk = false;
    document.documentElement.classList.remove('presenting');
    document.documentElement.style.removeProperty('--present-scale');
    if (this.wentFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    this.wentFullscreen = false;
    this.returnFocus?.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  toggleFullscreen() {
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => {});
    } else {
      this.wentFullscreen = true;
      void document.documentElement.requestFullscreen?.().catch(() => {});
    }
  }

  private key(e: KeyboardEvent) {
    const action = presenterAction({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      inControl: isControl(e.target instanceof Element ? e.target : null),
    });
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    if (action === 'leave') this.leave();
    else if (action === 'blank') this.blank = !this.blank;
    else if (action === 'fullscreen') this.toggleFullscreen();
    else this.step(action);
  }

  /** Sets a scene's values, gliding numbers over a few frames where the figure redraws cheaply. */
  private apply(state: Record<string, unknown>, animate: boolean) {
    cancelAnimationFrame(this.tween);
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!animate || reduced) {
      writeLive(state);
      return;
    }
    const from = readLive(Object.keys(state));
    const t0 = performance.now();
    const frame = (now: number) => {
      const u = Math.min(1, (now - t0) / TWEEN_MS);
      writeLive(Object.fromEntries(Object.entries(state).map(([k, v]) => [k, tweenValue(from[k], v, u)])));
      if (u < 1) this.tween = requestAnimationFrame(frame);
    };
    this.tween = requestAnimationFrame(frame);
  }
}

export const presenter = new Presenter();
