/**
 * What the GPUs are, without TF.js: a WebGPU adapter (and whether it is a
 * software fallback) and the WebGL renderer string. The page looks and
 * hands the facts to the worker that decides (./report.ts), so the
 * decision rests on what the reader's page sees.
 */
import { BACKEND_TEXT, webglKind, webgpuKind, type GpuFacts } from './choice';

type Gpu = { requestAdapter(): Promise<(GPUAdapter & { isFallbackAdapter?: boolean }) | null> };

/** What the GPUs are, without starting TF.js on them. */
export async function gpuFacts(): Promise<GpuFacts> {
  const facts: GpuFacts = { webgpu: 'none', webgl: 'none' };
  const gpu = (navigator as Navigator & { gpu?: Gpu }).gpu;
  if (!gpu) {
    facts.webgpuName = globalThis.isSecureContext === false ? BACKEND_TEXT.needsHttps : BACKEND_TEXT.noWebgpu;
  } else {
    const adapter = await gpu.requestAdapter().catch(() => null);
    if (!adapter) facts.webgpuName = BACKEND_TEXT.noAdapter;
    else {
      const info = adapter.info as (GPUAdapterInfo & { isFallbackAdapter?: boolean }) | undefined;
      const name = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' · ');
      facts.webgpu = webgpuKind({ isFallbackAdapter: adapter.isFallbackAdapter ?? info?.isFallbackAdapter, name });
      facts.webgpuName = name || undefined;
    }
  }
  const gl = webglContext();
  if (!gl) facts.webglName = BACKEND_TEXT.noContext;
  else {
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    facts.webgl = webglKind(renderer, true);
    facts.webglName = renderer || undefined;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return facts;
}

function webglContext(): WebGL2RenderingContext | WebGLRenderingContext | null {
  try {
    if (typeof OffscreenCanvas !== 'undefined') {
      const c = new OffscreenCanvas(1, 1);
      return (c.getContext('webgl2') as WebGL2RenderingContext | null) ?? (c.getContext('webgl') as WebGLRenderingContext | null);
    }
    if (typeof document !== 'undefined') {
      const c = document.createElement('canvas');
      return c.getContext('webgl2') ?? c.getContext('webgl');
    }
  } catch {
    /* no context */
  }
  return null;
}
