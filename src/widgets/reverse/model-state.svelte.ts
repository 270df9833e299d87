/**
 * The page's model as reactive state: starts TF.js (webgpu → webgl → cpu; the
 * header badge), then loads the shipped model (or ?model=tiny, tests only) in
 * a Web Worker on that backend (see browser-sampler-client.ts). Every widget
 * of lessons 1 and 5 shares the one load.
 */
import { ensureTf } from '../../runtime/runtime.svelte';
import { loadPageModel, type PageModel } from '../../model/browser-sampler-client';

export class ModelState {
  model: PageModel | null = $state.raw(null);
  error: string | null = $state(null);
  loading = $state(false);

  load(): void {
    if (this.model || this.loading) return;
    this.loading = true;
    this.error = null;
    ensureTf()
      .then((report) => loadPageModel(report.backend))
      .then(
        (m) => {
          this.model = m;
        },
        (e: unknown) => {
          this.error = e instanceof Error ? e.message : String(e);
        },
      )
      .finally(() => (this.loading = false));
  }
}

/** Default traced pixels (row, col) for a 28×28 digit, scaled to other sizes. */
export function defaultPixels(size: number): number[] {
  const rc: [number, number][] = [
    [14, 14],
    [8, 17],
    [3, 4],
  ];
  return rc.map(([r, c]) => Math.min(size - 1, Math.round((r * size) / 28)) * size + Math.min(size - 1, Math.round((c * size) / 28)));
}
