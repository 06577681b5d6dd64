import path from 'node:path';
import type { Token, Tokens } from 'marked';
import type { Article } from '../core/article.js';
import { headingIds } from '../core/heading-ids.js';
import type { LinkRef } from '../core/markdown.js';
import { classifyUrl, isOutsideFolder, localFileVerdict, localPath, percentDecoded } from '../core/url-safety.js';
import { encodeSitePath } from '../render/links.js';
import { siteLinks, type SiteLinks, type SiteLinkTarget } from '../render/site-links.js';
import { defineRule, type RuleContext } from './types.js';
import { closestMatch } from '../core/closest-match.js';
import { footnoteKey } from '../core/footnotes.js';
import { attribute, bodyTags, rawHtmlIds } from '../core/html-tags.js';
import { quoteUrl } from './util/quote-url.js';
import { textBlocks } from './util/text-blocks.js';
import { relativePath } from '../core/relative-path.js';
import { MARKDOWN_FILE } from '../core/markdown-file.js';

const MAX_LISTED_IDS = 6;
/** One index of the site's URLs per lint run (project rules see the same article list throughout). */
const siteLinksCache = new WeakMap<readonly Article[], SiteLinks>();

/**
 * Relative links lead somewhere: `.md` links to an article, other local links to a file, `#anchors`
 * to a heading, site-root links (`/about/`) to a page of the site or to an article's old URL (`permalinks`).
 */
export const internalLinks = defineRule({
  id: 'internal-links',
  description:
    'Relative links, in Markdown and in raw HTML <a href>, resolve: .md links to an existing article, other local links to a file the site publishes (PDF, office document, text, CSV, image), #anchors and other.md#anchors to a heading id (or, with html: sanitize, an id or <a name> that raw HTML sets); ' +
    "site-root links (/about/) to a page of the site or an article's old URL (config permalinks, front-matter permalink, aliases); footnote references ([^1]) to a footnote the article defines, once; " +
    'a link or image that Markdown prints as written because its address holds a space, or because no line defines its reference label ([text][label]), is reported',
  severity: 'error',
  messages: {
    'missing-file': 'Link {{url}} points to {{target}}, which does not exist: {{advice}}',
    'missing-anchor': 'Link {{url}} names no heading #{{anchor}} in {{target}}: {{advice}}',
    'outside-project': 'Link {{url}} leads outside the project folder: link to a page inside the project, or to its https: address',
    'not-published': 'Link {{url}} is shown as text without a link: {{reason}}',
    'unresolved-site-link':
      'Link {{url}} leads to no page of the site: build keeps it as written (it works only if the server has that page) and export shows its text unlinked; {{advice}}',
    'unparsed-link':
      "{{what}} {{written}} is printed as written, brackets and all: its address holds a space, which Markdown does not allow there (Jekyll's kramdown does); write the address as {{fixed}}",
    'missing-reference':
      "{{what}} {{written}} is printed as written, brackets and all: no line defines [{{label}}]; add one after the paragraph, such as '[{{label}}]: https://…', or write the address in it, [text](https://…){{advice}}",
    'missing-footnote':
      "Footnote reference {{ref}} has no definition, so the page shows it as text and the citation it stands for is lost: add a line '{{ref}}: the source' (after the paragraph or at the end of the article){{advice}}",
    'duplicate-footnote':
      'Footnote [^{{label}}] is defined again here (first on line {{line}}): its references lead to the first definition and this one is listed as a note of its own; give it its own label, or merge the two',
    'ambiguous-site-link':
      'Link {{url}} is the old URL of more than one article ({{pages}}), so the page cannot tell which is meant and keeps it as written: link to the one you mean by its .md file',
  },
  check(context) {
    for (const link of context.article.links) {
      if (link.kind === 'link') checkLink(context, link);
    }
    reportUnparsedLinks(context);
    reportUndefinedReferences(context);
    checkFootnotes(context);
    // Raw HTML links go through the same resolver on the page (sanitize-raw-html.ts), so they are checked alike.
    for (const tag of bodyTags(context.article)) {
      const href = tag.kind === 'start' && tag.name === 'a' ? attribute(tag, 'href') : undefined;
      if (href?.value !== undefined) checkLink(context, { kind: 'link', href: href.value, text: '', raw: '', start: href.start, end: tag.end });
    }
  },
});

type Context = RuleContext<keyof typeof internalLinks.messages>;
type Report = (messageId: keyof typeof internalLinks.messages, data?: Record<string, string>) => void;

function checkLink(context: Context, link: LinkRef): void {
  const { article, config, project } = context;
  const url = classifyUrl(link.href);
  // Unsafe URLs are link-safety's to report; web and contact links are not checked.
  if (url.kind === 'unsafe' || (url.target !== 'relative' && url.target !== 'fragment' && url.target !== 'site-root')) return;
  const report: Report = (messageId, data = {}) => context.report({ messageId, data: { url: quoteUrl(link.href), ...data }, at: { start: link.start, end: link.end } });
  const hash = link.href.indexOf('#');
  const fragment = hash === -1 ? '' : link.href.slice(hash + 1);
  const anchor = percentDecoded(fragment) ?? fragment;
  if (url.target === 'site-root') {
    checkSiteLink(context, report, link, anchor);
    return;
  }
  const file = localPath(link.href, path.dirname(article.path), url);
  if (!file) {
    if (anchor) checkAnchor(context, report, anchor, article, 'this article');
    return;
  }
  const shown = () => relativePath(config.root, file);
  if (isOutsideFolder(file, config.root)) {
    report('outside-project');
  } else if (MARKDOWN_FILE.test(file)) {
    const target = project.article(file);
    if (!target) {
      const near = closestMatch(path.basename(file), siblingArticles(project.articles, path.dirname(file)));
      const advice = near ? `did you mean ${near}?` : 'fix the path or create the article';
      report('missing-file', { target: shown(), advice });
    } else if (anchor && !target.problem) {
      checkAnchor(context, report, anchor, target, shown());
    }
  } else {
    // The renderer decides from the same verdict (article-urls.ts): a link that passes here is on the page, its file copied.
    const verdict = localFileVerdict(file, 'link', config.root, (f) => project.isProjectFile?.(f) ?? project.exists(f), (f) => project.exists(f));
    if (verdict === 'missing') {
      report('missing-file', { target: shown(), advice: 'fix the path or add the file' });
    } else if (verdict === 'not-a-project-file') {
      report('not-published', { reason: `${shown()} is a folder or a symbolic link leading outside the project; link to a file inside the project` });
    } else if (verdict === 'type') {
      report('not-published', {
        reason: `build publishes PDFs, office documents (docx, xlsx, pptx, odt…), text, CSV and images, not ${path.extname(file) || 'files without an extension'}; link to one of those or to its https: address`,
      });
    }
  }
}

/** Footnote references lead to a note: each has a definition, and each label is defined once. */
function checkFootnotes(context: Context): void {
  const { article } = context;
  const first = new Map<string, number>();
  for (const note of article.footnotes) {
    const key = footnoteKey(note.label);
    const at = first.get(key);
    if (at === undefined) first.set(key, note.start);
    else context.report({ messageId: 'duplicate-footnote', data: { label: note.label, line: { lineOf: at } }, at: { start: note.start, end: note.start + note.label.length + 4 } });
  }
  const labels = article.footnotes.map((note) => note.label);
  for (const ref of article.unresolvedFootnotes) {
    const near = closestMatch(ref.label, labels);
    const advice = near ? `, or did you mean [^${near}]?` : labels.length ? `; the article defines ${labels.slice(0, MAX_LISTED_IDS).map((l) => `[^${l}]`).join(', ')}` : '';
    context.report({ messageId: 'missing-footnote', data: { ref: ref.raw, advice }, at: { start: ref.start, end: ref.end } });
  }
}

function checkSiteLink(context: Context, report: Report, link: LinkRef, anchor: string): void {
  const { article, config, project } = context;
  let links = siteLinksCache.get(project.articles);
  if (!links) {
    links = siteLinks(project.articles, config, { basePath: new URL(config.site.baseUrl).pathname });
    siteLinksCache.set(project.articles, links);
  }
  const resolved = links.resolve(link.href);
  const shownTarget = (target: SiteLinkTarget) =>
    target.article ? relativePath(path.dirname(article.path), target.article.path) : `/${encodeSitePath(target.sitePath)}`;
  if (resolved.kind === 'page') {
    const target = resolved.article && project.article(resolved.article.path);
    if (anchor && target && !target.problem) checkAnchor(context, report, anchor, target, relativePath(config.root, target.path));
    return;
  }
  if (resolved.kind === 'ambiguous') {
    const pages = resolved.sitePaths.map((p) => `/${encodeSitePath(p)}`).join(', ');
    report('ambiguous-site-link', { pages });
    return;
  }
  const advice = resolved.suggestion
    ? `did you mean ${shownTarget(resolved.suggestion)}?`
    : "link to the article's .md file, or add the old site's URL pattern to permalinks in the config";
  // The same words as the renderer's choice (article-urls.ts: unresolvedSiteLink), so the writer knows what readers get.
  report('unresolved-site-link', { advice });
}

function checkAnchor(context: Context, report: Report, anchor: string, target: Article, shown: string): void {
  const ids = headingIds(target);
  if (ids.includes(anchor) || (context.config.html === 'sanitize' && rawHtmlIds(target).has(anchor))) return;
  const match = closestMatch(anchor, ids);
  let advice: string;
  if (match) advice = `did you mean #${match}?`;
  else if (ids.length === 0) advice = 'it has no headings; link to the page without an anchor';
  else advice = `link to one of its headings: ${ids.slice(0, MAX_LISTED_IDS).map((id) => `#${id}`).join(', ')}${ids.length > MAX_LISTED_IDS ? ', …' : ''}`;
  report('missing-anchor', { anchor, target: shown, advice });
}

const SPACE_IN_PARENS = /\]\([^)\n]*?\s/;
/** `[words](address with a space "title")` and its image form, in a paragraph's Markdown, on one line. */
const LINK_WITH_SPACE = /(!?)\[([^\]\n]{1,300})\]\(([^()\n<>"']*?[^\s()\n<>"'])(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/g;

/**
 * Links and images that Markdown does not read as such because their address holds a space
 * (`![Red eye](red eye.png)`, as Jekyll sites write them): the page shows the brackets and the
 * address, and the link or image is lost. Only where marked made no link of them.
 */
function reportUnparsedLinks(context: Context): void {
  const { article } = context;
  for (const block of textBlocks(article)) {
    // Only a block with a space between `](` and `)` can hold one (a title is one too, checked below).
    if (!SPACE_IN_PARENS.test(block.raw)) continue;
    // Code spans blanked, offsets kept: `[x](a b)` in code is code.
    const source = block.raw.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
    for (const match of source.matchAll(LINK_WITH_SPACE)) {
      const address = match[3].trim();
      if (!/\s/.test(address)) continue;
      const start = block.bodyOffset(match.index);
      const end = block.bodyOffset(match.index + match[0].length);
      // Parsed as a link after all; a link marked found inside its words (an e-mail address) is not it.
      if (article.links.some((link) => link.start === start)) continue;
      const what = match[1] ? 'Image' : 'Link';
      context.report({
        messageId: 'unparsed-link',
        data: { what, written: `'${match[0].length > 80 ? `${match[0].slice(0, 77)}…` : match[0]}'`, fixed: fixedAddress(address) },
        at: { start, end },
      });
    }
  }
}

/** `[text][label]` or `[label][]`, as a reference link (`!` before it: an image) is written. */
const REFERENCE = /(!?)\[((?:[^[\]\\\n]|\\.)*)\]\[((?:[^[\]\\\n]|\\.)*)\]/g;
/** Numbers in brackets, `[1][2]`, `[4][]`: citations meant to show as written. */
const CITATION_NUMBERS = /^\s*\d+(?:\s*[,–-]\s*\d+)*\s*$/;

/**
 * Reference links and images whose label no definition in the article gives (`[iron guidance][iron]`
 * without an `[iron]: …` line): Markdown prints them as written, and the link is lost. Numbered
 * citations in brackets are meant as they show; one that a link starts inside is not one.
 */
function reportUndefinedReferences(context: Context): void {
  const { article } = context;
  let labels: string[] | undefined;
  for (const block of textBlocks(article)) {
    if (!block.raw.includes('][')) continue;
    // Code spans blanked, offsets kept: `[a][b]` in code is code.
    const source = block.raw.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
    for (const match of source.matchAll(REFERENCE)) {
      const [written, bang, text, given] = match;
      const label = given.trim() || text.trim();
      if (label === '' || label.startsWith('^') || (CITATION_NUMBERS.test(label) && (given === '' || CITATION_NUMBERS.test(text)))) continue;
      const start = block.bodyOffset(match.index);
      const end = block.bodyOffset(match.index + written.length - 1) + 1;
      if (article.links.some((link) => link.start >= start && link.start < end)) continue;
      labels ??= definedLabels(article.tokens);
      const near = closestMatch(label.toLowerCase(), labels);
      const advice = near ? `; or did you mean [${near}]?` : labels.length ? `; the article defines ${labels.slice(0, MAX_LISTED_IDS).map((l) => `[${l}]`).join(', ')}` : '';
      context.report({ messageId: 'missing-reference', data: { what: bang ? 'Image' : 'Link', written: `'${written}'`, label, advice }, at: { start, end } });
    }
  }
}

/** The labels of the article's link reference definitions (`[nhs]: https://…`), as marked keeps them: lower-cased. */
function definedLabels(tokens: readonly Token[]): string[] {
  const labels: string[] = [];
  for (const token of tokens) {
    if (token.type === 'def') labels.push((token as Tokens.Def).tag);
    else if (token.type === 'blockquote') labels.push(...definedLabels((token as Tokens.Blockquote).tokens));
    else if (token.type === 'list') for (const item of (token as Tokens.List).items) labels.push(...definedLabels(item.tokens));
  }
  return labels;
}

/** What to write instead of an address with a space; template syntax is no-placeholder's to explain, and its space is no typo. */
function fixedAddress(address: string): string {
  if (address.includes('{{') || address.includes('{%')) return 'a relative path to the file, without the template syntax (healthmd never evaluates it)';
  return `<${address}> or ${address.replace(/\s/g, (c) => encodeURIComponent(c))}`;
}

/** File names of the linted articles in a folder: the likely targets of a mistyped link. */
function siblingArticles(articles: readonly Article[], folder: string): string[] {
  return articles.filter((a) => path.dirname(a.path) === folder).map((a) => path.basename(a.path));
}
