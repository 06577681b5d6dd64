import type { Article } from '../core/article.js';

const DIRECTIVE = /^<!--\s*healthmd-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->\s*$/;

type Directive = { kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line'; rules: string[] | 'all'; line: number };

/** A rule name as a directive writes it, where it is written (1-based, in the file on disk). */
export interface DirectiveRuleName {
  name: string;
  /** The directive's own name, such as `healthmd-disable-next-line`. */
  directive: string;
  line: number;
  column: number;
}

export interface InlineControl {
  /** True when a directive turns `ruleId` off at `line`. */
  disabled(ruleId: string, line: number): boolean;
  /** Every rule name the directives give, so the engine can report the ones that name no rule. */
  names: DirectiveRuleName[];
}

/**
 * markdownlint-style inline control: `<!-- healthmd-disable rule -->`, `<!-- healthmd-enable rule -->`,
 * `<!-- healthmd-disable-next-line rule -->` and `<!-- healthmd-disable-line rule -->`; no rule names means all.
 * Only real HTML comments count: the same text inside a code block is just text.
 */
export function inlineControl(article: Article): InlineControl {
  const directives: Directive[] = [];
  const names: DirectiveRuleName[] = [];
  for (const html of article.html) {
    if (!html.comment) continue;
    const start = article.place(html.start);
    // A block may hold several comments, one per line.
    html.raw.split('\n').forEach((text, i) => {
      const match = DIRECTIVE.exec(text.trim());
      if (!match) return;
      const line = start.line + i;
      const lineStart = (i === 0 ? start.column - 1 : 0) + (text.length - text.trimStart().length);
      const listStart = match[0].indexOf(match[2], match[0].indexOf(match[1]) + match[1].length);
      const written: string[] = [];
      for (const name of match[2].matchAll(/[^\s,]+/g)) {
        written.push(name[0]);
        names.push({ name: name[0], directive: `healthmd-${match[1]}`, line, column: lineStart + listStart + name.index + 1 });
      }
      directives.push({ kind: match[1] as Directive['kind'], rules: written.length ? written : 'all', line });
    });
  }
  if (directives.length === 0) return { disabled: () => false, names };
  directives.sort((a, b) => a.line - b.line);
  const applies = (d: Directive, ruleId: string) => d.rules === 'all' || d.rules.includes(ruleId);
  const disabled = (ruleId: string, line: number) => {
    let off = false;
    for (const d of directives) {
      if (d.kind === 'disable-next-line') {
        if (d.line + 1 === line && applies(d, ruleId)) return true;
      } else if (d.kind === 'disable-line') {
        if (d.line === line && applies(d, ruleId)) return true;
      } else if (d.line <= line && applies(d, ruleId)) {
        off = d.kind === 'disable';
      }
    }
    return off;
  };
  return { disabled, names };
}
