import type { Article } from '../core/article.js';
import { articleTypeName } from '../core/article-info.js';
import type { Fix } from '../core/diagnostic.js';
import type { Heading } from '../core/markdown.js';
import { defineRule } from './types.js';
import { typeNeedsSection } from './util/applies-to.js';
import { findSection, sectionHasContent } from './util/section.js';

/** Medical articles carry a non-empty Disclaimer section; the fix writes the configured text. */
export const disclaimerPresent = defineRule({
  id: 'disclaimer-present',
  description: 'Medical articles have a non-empty Disclaimer section (fixable: inserts disclaimer.text)',
  severity: 'error',
  fixable: true,
  messages: {
    missing: "No disclaimer (type '{{type}}' needs one): add a '## Disclaimer' section at the end, or run healthmd lint --fix to add the configured text",
    empty: "The '{{heading}}' section is empty: write the disclaimer under it, or run healthmd lint --fix to insert the configured text",
  },
  check({ article, config, report }) {
    if (!typeNeedsSection(article, config, 'Disclaimer')) return;
    const heading = findSection(article, 'Disclaimer');
    if (heading && sectionHasContent(heading)) return;
    // Fixes write the file's own line ending.
    const eol = article.source.includes('\r\n') ? '\r\n' : '\n';
    const text = config.disclaimer.text.trim().replace(/\r?\n/g, eol);
    if (!heading) {
      report({
        messageId: 'missing',
        data: { type: articleTypeName(article, config) },
        at: { key: ['type', 'title'] },
        fix: endsOpen(article) ? undefined : appendSection(article.source, text, eol),
      });
    } else {
      report({
        messageId: 'empty',
        data: { heading: heading.text },
        at: { start: heading.start },
        fix: fillSection(article, heading, text, eol),
      });
    }
  },
});

/** Appends the section at the end of the file, one blank line after the last content. */
function appendSection(source: string, text: string, eol: string): Fix {
  const contentEnd = source.replace(/[ \t\r\n]+$/, '').length;
  const before = contentEnd === 0 ? '' : eol + eol;
  return { range: [contentEnd, source.length], text: `${before}## Disclaimer${eol}${eol}${text}${eol}` };
}

/** Inserts the text right after the heading line, a blank line either side. */
function fillSection(article: Article, heading: Heading, text: string, eol: string): Fix {
  const headingEnd = heading.start + article.body.slice(heading.start, heading.end).trimEnd().length;
  const at = article.sourceOffset(headingEnd);
  const after = article.source.slice(at);
  const nextLineBlank = after === '' || /^\r?\n[ \t]*(?:\r?\n|$)/.test(after);
  const trailing = after === '' ? eol : nextLineBlank ? '' : eol;
  return { range: [at, at], text: `${eol}${eol}${text}${trailing}` };
}

/**
 * True when the body ends inside an unclosed code fence or HTML block: a heading appended there
 * would not be a heading, and the fix would repeat on every pass.
 */
function endsOpen(article: Article): boolean {
  const last = [...article.tokens].reverse().find((token) => token.type !== 'space');
  if (!last) return false;
  const raw = last.raw.trimEnd();
  if (last.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (!fence) return false;
    const lines = raw.split('\n');
    return lines.length < 2 || !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}[ \\t]*$`).test(lines[lines.length - 1]);
  }
  if (last.type === 'html') {
    if (/^\s*<!--/.test(raw)) return !raw.includes('-->');
    const open = /^\s*<(script|pre|style|textarea)\b/i.exec(raw);
    return open !== null && !new RegExp(`</${open[1]}>`, 'i').test(raw);
  }
  return false;
}
