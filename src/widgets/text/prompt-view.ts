/**
 * What the prompt box shows about a prompt, derived from the tokenizer alone:
 * the kept chips, the dropped ones, and which notices apply. Kept apart from
 * the component so lessons 6–8 and the tests read the same answer.
 */
import { allTokens, tokenize, type Token } from '../../text/tokenizer';

export interface PromptView {
  /** Ids the encoder reads ([PAD]-filled to maxTokens). */
  ids: Int32Array;
  /** Tokens the encoder reads, in order. */
  kept: Token[];
  /** Tokens past maxTokens, which the encoder never sees. */
  dropped: Token[];
  /** Kept positions that are [UNK]. */
  unknownCount: number;
  /** [PAD] positions after the prompt. */
  padCount: number;
  /** No token at all: every position is [PAD], the unconditional input. */
  empty: boolean;
  truncated: boolean;
}

export function promptView(text: string, maxTokens: number): PromptView {
  const t = tokenize(text, { maxTokens });
  // allTokens has no limit: it is how the box can show what truncation cut off.
  const dropped = t.truncated ? allTokens(text).slice(maxTokens) : [];
  return {
    ids: t.ids,
    kept: t.tokens,
    dropped,
    unknownCount: t.tokens.filter((k) => k.unknown).length,
    padCount: maxTokens - t.tokens.length,
    empty: t.tokens.length === 0,
    truncated: t.truncated,
  };
}
