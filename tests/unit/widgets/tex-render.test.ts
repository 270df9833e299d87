import { describe, expect, it } from 'vitest';
import { prerenderTexTags } from '../../../src/widgets/tex-render';

const render = (tex: string, display: boolean) => `[${display ? 'D' : 'I'}:${tex}]`;

describe('equations rendered at build time', () => {
  it('fills in html for written-out equations, inline and display', () => {
    const src = '<p>We write <Tex tex="x_0" /> and</p>\n<Tex display tex={String.raw`\\bar\\alpha_t > 0`} label="ᾱ" />';
    expect(prerenderTexTags(src, render)).toBe(
      '<p>We write <Tex tex="x_0" html={"[I:x_0]"} /> and</p>\n<Tex display tex={String.raw`\\bar\\alpha_t > 0`} label="ᾱ" html={"[D:\\\\bar\\\\alpha_t > 0]"} />',
    );
  });

  it('leaves equations a widget fills in, and ones already rendered, to the page', () => {
    const src = '<Tex tex={`x_{${t}}`} /> <Tex tex={String.raw`a_${n}`} /> <Tex tex="x" html={h} /> <Tex tex="{a}" />';
    expect(prerenderTexTags(src, render)).toBe(src);
  });

  it('tells display={true} from a name that merely starts with display', () => {
    expect(prerenderTexTags('<Tex display={true} tex="a" />', render)).toContain('[D:a]');
    expect(prerenderTexTags('<Tex displayed="x" tex="a" />', render)).toContain('[I:a]');
  });
});
