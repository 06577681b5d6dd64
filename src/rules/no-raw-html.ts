import type { Rule } from './types.js';
import { bodyTags, type BodyTag } from './util/html-tags.js';

/** Tags that can run code, load other pages or take input: never published, whatever `allowHtml` says. */
const ACTIVE_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript',
]);

/** Raw HTML in the body (comments excepted): the renderer drops it, so the writer should use Markdown. */
export const noRawHtml: Rule = {
  id: 'no-raw-html',
  description:
    'No raw HTML in the body, block or inline (comments are fine); with allowHtml, still no scripts, frames, forms, styles or on* event attributes',
  severity: 'error',
  messages: {
    'raw-html': 'a raw HTML tag, which is dropped from the built page',
    'active-html': 'with allowHtml: a tag or attribute that can run code or load other content, which is never published',
  },
  check({ article, config, report }) {
    const opened = new Set<string>();
    for (const tag of bodyTags(article)) {
      const start = article.place(tag.start);
      const end = article.place(tag.end);
      const at = { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
      const label = tag.kind === 'end' ? `</${tag.name}>` : `<${tag.name}>`;
      if (config.allowHtml) {
        const active = activePart(tag);
        if (active) {
          report({ messageId: 'active-html', message: `Raw HTML ${active} is never published, even with allowHtml: remove it or write Markdown instead`, ...at });
        }
        continue;
      }
      if (tag.kind === 'start') opened.add(tag.name);
      // A closing tag is reported only when its opening tag was not (one finding per element).
      if (tag.kind === 'end' && opened.has(tag.name)) continue;
      report({ messageId: 'raw-html', message: `Raw HTML ${label} is not allowed: write Markdown instead (raw HTML is dropped from the built page)`, ...at });
    }
  },
};

function activePart(tag: BodyTag): string | undefined {
  if (tag.kind === 'declaration') return `<${tag.name}>`;
  if (tag.kind !== 'start') return undefined;
  if (ACTIVE_TAGS.has(tag.name)) return `<${tag.name}>`;
  const handler = tag.attributes.find((a) => a.name.startsWith('on') || a.name === 'style');
  return handler ? `<${tag.name} ${handler.name}>` : undefined;
}
