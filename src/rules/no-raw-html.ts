import { ACTIVE_TAGS, ALLOWED_TAGS, NOT_TEXT_TAGS, activeAttributes, removedAttributes } from '../core/html-allowlist.js';
import { defineRule, type RuleContext } from './types.js';
import { classifyUrl } from '../core/url-safety.js';
import { attribute, bodyTags, type BodyTag } from '../core/html-tags.js';
import { localImage } from './util/image-file.js';

/**
 * Raw HTML in the body (comments excepted), judged by what the `html` mode will publish of it.
 * What no mode publishes (scripts, styles, forms, frames, objects, event handlers, unsafe URLs) is
 * an error naming it: the writer meant it to be there and the page will lack it. Everything else
 * is a warning: published as written (Markdown would say the same and lint better), or, for tags
 * and attributes outside the allowlist and under `html: text`, published without its markup but
 * with every word, which is what the project's mode asks for.
 */
export const noRawHtml = defineRule({
  id: 'no-raw-html',
  description:
    'Raw HTML in the body (comments are fine): an error naming what no html mode publishes (scripts, styles, forms, frames, event handlers, unsafe URLs); a warning for the rest, published as written or, outside the allowlist and with html: text, as its words (an image the page cannot show, as its alt text); Markdown on the lines of an HTML block, which is printed as written, is a warning',
  severity: 'error',
  messages: {
    'active-html': 'Raw HTML {{what}}: remove it or write Markdown instead',
    'raw-html': 'Raw HTML {{tags}} is published as written; Markdown would be checked by every rule',
    'unlisted-html': 'Raw HTML {{removed}}{{asWritten}}; write Markdown to keep control of how it looks',
    'text-only': 'Raw HTML {{tags}} is published as its text only (html: text removes every tag)',
    'markdown-in-html':
      "Markdown inside an HTML block is printed as written, not read: {{written}} (an HTML block runs to the next blank line); leave a blank line between the HTML and the Markdown",
  },
  check(context) {
    const { article, config, report } = context;
    const opened = new Set<string>();
    // Warnings come one per HTML block (or per paragraph, for inline tags): a FAQ written in HTML is
    // one thing to look at, not three findings per question. Errors stay one per tag.
    const groups = new Map<unknown, Group>();
    const container = containerOf(article);
    for (const tag of bodyTags(article)) {
      if (tag.kind === 'start') opened.add(tag.name);
      const group = groups.get(container(tag));
      // A closing tag is reported only when its opening tag was not (one finding per element), but a warning spans it.
      if (tag.kind === 'end' && opened.has(tag.name)) {
        if (group) group.last = tag;
        continue;
      }
      const active = activePart(tag);
      if (active) {
        report({ messageId: 'active-html', data: { what: active }, at: { start: tag.start, end: tag.end } });
        continue;
      }
      const next = group ?? { first: tag, last: tag, written: new Set<string>(), removed: new Set<string>() };
      groups.set(container(tag), next);
      next.last = tag;
      const unlisted = config.html === 'sanitize' ? (unlistedPart(tag) ?? imageLeftOut(context, tag)) : undefined;
      if (config.html === 'text') next.written.add(label(tag) + textModeLoss(tag));
      else if (unlisted) next.removed.add(unlisted);
      else next.written.add(label(tag));
    }
    reportMarkdownInHtml(context);
    for (const { first, last, written, removed } of groups.values()) {
      const at = { start: first.start, end: last.end };
      if (config.html === 'text') {
        report({ messageId: 'text-only', data: { tags: listed(written) }, severity: 'warning', at });
      } else if (removed.size > 0) {
        const asWritten = written.size > 0 ? `; ${listed(written)} ${written.size > 1 ? 'are' : 'is'} published as written` : '';
        report({ messageId: 'unlisted-html', data: { removed: listed(removed), asWritten }, severity: 'warning', at });
      } else {
        report({ messageId: 'raw-html', data: { tags: listed(written) }, severity: 'warning', at });
      }
    }
  },
});

interface Group {
  first: BodyTag;
  last: BodyTag;
  /** Tags published as written (with html: text, published as their text), each named once. */
  written: Set<string>;
  /** What the allowlist removes of harmless tags, in words. */
  removed: Set<string>;
}

const MAX_LISTED = 6;

function listed(parts: ReadonlySet<string>): string {
  const all = [...parts];
  return all.length > MAX_LISTED ? `${all.slice(0, MAX_LISTED).join(', ')}, …` : all.join(', ');
}

/** What a tag's warning is grouped by: its HTML block, or for an inline tag the paragraph (or list item) it is in. */
function containerOf(article: RuleContext['article']): (tag: BodyTag) => unknown {
  return (tag) => {
    if (tag.html.block) return tag.html;
    return article.prose.find((block) => block.start <= tag.start && tag.start < block.end) ?? tag.html;
  };
}

function label(tag: BodyTag): string {
  return tag.kind === 'end' ? `</${tag.name}>` : `<${tag.name}>`;
}

/** A Markdown image or link, or bold text, on a line of its own inside an HTML block. */
const MARKDOWN_LINE = /^[ \t]*(?:!?\[[^\]\n]+\]\([^)\n]+\)|\*\*[^*\n]+\*\*)/gm;

/**
 * Markdown written on the lines of an HTML block (`<br>` on one line, `![Pollen](pollen.png)` on
 * the next, as Jekyll sites do): CommonMark ends the block only at a blank line, so those lines
 * are published as their characters. One warning per line, at its Markdown.
 */
function reportMarkdownInHtml({ article, report }: RuleContext): void {
  for (const html of article.html) {
    if (!html.block || html.comment || !(html.raw.includes('](') || html.raw.includes('**'))) continue;
    // <pre>, <script>, <style> and <textarea> blocks run to their end tag and hold text as written on purpose.
    if (/^[ \t]*<(?:pre|script|style|textarea)[\s>]/i.test(html.raw)) continue;
    for (const match of html.raw.matchAll(MARKDOWN_LINE)) {
      const lead = match[0].length - match[0].trimStart().length;
      const text = match[0].trimStart();
      const start = html.start + match.index + lead;
      report({ messageId: 'markdown-in-html', data: { written: `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'` }, severity: 'warning', at: { start, end: start + text.length } });
    }
  }
}

/** What no mode publishes of a tag, in words; undefined when there is none. */
function activePart(tag: BodyTag): string | undefined {
  if (tag.kind === 'declaration') return `${label(tag)} is removed`;
  if (ACTIVE_TAGS.has(tag.name)) return `${label(tag)} is removed${contentFate(tag.name)}`;
  const attributes = tag.kind === 'start' ? activeAttributes(tag.name, tag.attributes) : [];
  return attributes.length ? `<${tag.name}>: ${attributes.join(', ')} ${attributes.length > 1 ? 'are' : 'is'} removed, the text kept` : undefined;
}

/** What `html: sanitize` removes of a harmless tag (outside GitHub's allowlist), in words; undefined when it is published as written. */
function unlistedPart(tag: BodyTag): string | undefined {
  if (!ALLOWED_TAGS.includes(tag.name)) return `${label(tag)} is not on the allowlist and is removed, its text kept`;
  const attributes = tag.kind === 'start' ? removedAttributes(tag.name, tag.attributes) : [];
  return attributes.length ? `<${tag.name}>: ${attributes.join(', ')} ${attributes.length > 1 ? 'are' : 'is'} removed, the element and its text kept` : undefined;
}

/**
 * What `html: sanitize` does with a raw image it cannot publish (no src, or a file the renderer
 * refuses: missing or outside the project, named through a template's `{{ … }}`): the image is
 * left out and its alt text shown in its place (sanitize-raw-html.ts). Undefined when the image
 * is published, or when what removes it is an active part (an unsafe src, reported as such).
 */
function imageLeftOut(context: RuleContext, tag: BodyTag): string | undefined {
  if (tag.kind !== 'start' || tag.name !== 'img') return undefined;
  const src = attribute(tag, 'src')?.value?.trim();
  const alt = attribute(tag, 'alt')?.value?.trim();
  const shown = alt ? 'its alt text shown in its place' : 'nothing shown in its place (it has no alt text)';
  if (!src) return `<img> has no src and is left out, ${shown}`;
  // An unsafe src is an active part, reported as one.
  const url = classifyUrl(src, 'image');
  if (url.kind === 'unsafe' || (url.target !== 'relative' && url.target !== 'site-root')) return undefined;
  const verdict = localImage(context, src, url)?.verdict;
  if (verdict === undefined || verdict === 'publish') return undefined;
  return `<img>: its file cannot be published (link-safety says why), so the image is left out, ${shown}`;
}

function contentFate(name: string): string {
  if (name === 'iframe') return ' (a link to what it showed takes its place when its URL is safe)';
  if (NOT_TEXT_TAGS.includes(name)) return ' with its content';
  return ', its text kept';
}

/** What a reader misses under `html: text` beyond the tags: a link's target, an image. */
function textModeLoss(tag: BodyTag): string {
  if (tag.kind !== 'start') return '';
  if (tag.name === 'a' && tag.attributes.some((a) => a.name === 'href')) return ' (its link is lost: write it as a Markdown link [text](url))';
  if (tag.name === 'img') return ' (only its alt text is shown: write it as a Markdown image ![alt](src))';
  return '';
}
