import type { Token, Tokens } from 'marked';

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾' };
const SUBSCRIPT: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎' };

/**
 * The figures of a `<sup>` or `<sub>` as Unicode writes them raised or lowered, for `html: text`,
 * which keeps no tags: "10<sup>9</sup>/L" read "109/L", another number, and "10<sup>-3</sup>" a
 * range. Undefined where the text holds anything but figures and signs ("1<sup>st</sup>" reads
 * as well without).
 */
export function raisedOrLowered(text: string, tag: 'sup' | 'sub'): string | undefined {
  const map = tag === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
  const trimmed = text.trim();
  if (trimmed === '' || [...trimmed].some((char) => map[char] === undefined)) return undefined;
  return [...trimmed].map((char) => map[char]).join('');
}

/**
 * Inline `<sup>9</sup>` and `<sub>2</sub>` whose words are figures and signs, as one text of
 * raised or lowered figures (raisedOrLowered): what a page without tags shows (`html: text`) and
 * what plain text of a paragraph reads (an excerpt, the rules), so that 10⁹/L keeps its power.
 */
export function withRaisedFigures(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.type === 'html' && /^<su[pb]\b/i.test(t.raw))) return tokens;
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tag = tokens[i].type === 'html' ? /^<(su[pb])\s*>$/i.exec(tokens[i].raw.trim())?.[1].toLowerCase() : undefined;
    const inner = tokens[i + 1];
    const close = tokens[i + 2];
    const figures = tag && inner?.type === 'text' && close?.type === 'html' && close.raw.trim().toLowerCase() === `</${tag}>` ? raisedOrLowered(inner.raw, tag as 'sup' | 'sub') : undefined;
    if (figures === undefined) {
      kept.push(tokens[i]);
      continue;
    }
    kept.push({ type: 'text', raw: figures, text: figures, escaped: false } as Tokens.Text);
    i += 2;
  }
  return kept;
}
