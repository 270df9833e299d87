/**
 * KaTeX's options for every equation of the site, in one place: the build
 * renders each equation written out in a lesson with them (vite.config.ts,
 * `prerenderTex`), and <Tex/> renders the others (equations with values
 * filled in by a widget) with the same ones, after loading KaTeX on demand.
 */
import type { KatexOptions } from 'katex';

export function texOptions(display: boolean): KatexOptions {
  return { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' };
}

/** `<Tex …/>` with its attributes; values may hold `>` inside quotes or a String.raw template. */
const TEX_TAG = /<Tex((?:\s+[\w:-]+(?:=(?:"[^"]*"|\{String\.raw`[^`]*`\}|\{[^{}]*\}))?)*)\s*\/>/g;
const TEX_VALUE = /(?:^|\s)tex=(?:"([^"{}&]*)"|\{String\.raw`([^`$]*)`\})/;
const DISPLAY = /(?:^|\s)display(?:=\{true\})?(?=\s|$)/;

/**
 * Adds `html={…}` (the rendered equation) to every `<Tex/>` of a Svelte file
 * whose `tex` is written out, so that the page needs no KaTeX to show it.
 */
export function prerenderTexTags(source: string, render: (tex: string, display: boolean) => string): string {
  return source.replace(TEX_TAG, (tag: string, attrs: string) => {
    if (/(?:^|\s)html=/.test(attrs)) return tag;
    const m = TEX_VALUE.exec(attrs);
    if (!m) return tag;
    const html = render(m[1] ?? m[2], DISPLAY.test(attrs));
    return `<Tex${attrs} html={${JSON.stringify(html)}} />`;
  });
}
