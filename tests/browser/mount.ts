/** Mounts a component on its own for a browser test, and unmounts it after each test. */
import { afterEach } from 'vitest';
import { flushSync, mount, unmount, type Component } from 'svelte';
import { loadPlot } from '../../src/viz/plot-lazy';

/**
 * Returns `show(props)`, which mounts `component` into a fresh 1000 px wide
 * box (wide enough for two charts side by side) and returns the box.
 */
export function mounter<Props extends Record<string, any>>(component: Component<Props>, style: Partial<CSSStyleDeclaration> = {}): (props: Props) => HTMLElement {
  let app: ReturnType<typeof mount> | null = null;
  afterEach(() => {
    if (app) unmount(app);
    app = null;
    document.body.replaceChildren();
  });
  return (props) => {
    const target = document.createElement('div');
    target.style.width = '1000px';
    Object.assign(target.style, style);
    document.body.append(target);
    app = mount(component, { target, props });
    flushSync();
    return target;
  };
}

/**
 * Plot loaded (charts wait for it the first time, src/viz/plot-lazy.ts), then
 * two animation frames: charts draw on the next frame after an update.
 */
export const frame = async () => {
  await loadPlot();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
};
