import type { Article } from '../core/article.js';

const DIRECTIVE = /^<!--\s*healthmd-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->\s*$/;

type Directive = { kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line'; rules: string[] | 'all'; line: number };

/**
 * markdownlint-style inline control: `<!-- healthmd-disable rule -->`, `<!-- healthmd-enable rule -->`,
 * `<!-- healthmd-disable-next-line rule -->` and `<!-- healthmd-disable-line rule -->`; no rule names means all.
 * Only real HTML comments count: the same text inside a code block is just text.
 */
export function inlineControl(article: Article): (ruleId: string, line: number) => boolean {
  const directives: Directive[] = [];
  for (const html of article.html) {
    if (!html.comment) continue;
    // A block may hold several comments, one per line.
    html.raw.split('\n').forEach((text, i) => {
      const match = DIRECTIVE.exec(text.trim());
      if (!match) return;
      const names = match[2].split(/[\s,]+/).filter(Boolean);
      const line = article.place(html.start).line + i;
      directives.push({ kind: match[1] as Directive['kind'], rules: names.length ? names : 'all', line });
    });
  }
  if (directives.length === 0) return () => false;
  directives.sort((a, b) => a.line - b.line);
  const applies = (d: Directive, ruleId: string) => d.rules === 'all' || d.rules.includes(ruleId);
  return (ruleId, line) => {
    let disabled = false;
    for (const d of directives) {
      if (d.kind === 'disable-next-line') {
        if (d.line + 1 === line && applies(d, ruleId)) return true;
      } else if (d.kind === 'disable-line') {
        if (d.line === line && applies(d, ruleId)) return true;
      } else if (d.line <= line && applies(d, ruleId)) {
        disabled = d.kind === 'disable';
      }
    }
    return disabled;
  };
}
