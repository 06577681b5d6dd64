import path from 'node:path';
import type { Article } from '../core/article.js';
import { headingIds } from '../core/heading-ids.js';
import type { LinkRef } from '../core/markdown.js';
import { classifyUrl, isOutsideFolder, localPath } from '../core/url-safety.js';
import type { Rule, RuleContext } from './types.js';
import { closestMatch } from './util/closest-match.js';
import { quoteUrl } from './util/quote-url.js';

const MAX_LISTED_IDS = 6;

/** Relative links lead somewhere: `.md` links to an article, other local links to a file, `#anchors` to a heading. */
export const internalLinks: Rule = {
  id: 'internal-links',
  description:
    'Relative links resolve: .md links to an existing article, other local links (PDFs…) to an existing file, #anchors and other.md#anchors to a heading id',
  severity: 'error',
  messages: {
    'missing-file': 'a relative link to an article or file that does not exist',
    'missing-anchor': 'a #anchor that names no heading in the linked article',
    'outside-project': 'a relative link that leads outside the project folder',
  },
  check(context) {
    for (const link of context.article.links) {
      if (link.kind === 'link') checkLink(context, link);
    }
  },
};

function checkLink(context: RuleContext, link: LinkRef): void {
  const { article, config, project } = context;
  const url = classifyUrl(link.href);
  // Unsafe URLs are link-safety's to report; web and contact links are not checked.
  if (url.kind === 'unsafe' || (url.target !== 'relative' && url.target !== 'fragment')) return;
  const report = (messageId: string, message: string) => {
    const start = article.place(link.start);
    const end = article.place(link.end);
    context.report({ messageId, message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
  };
  const hash = link.href.indexOf('#');
  const anchor = hash === -1 ? '' : decode(link.href.slice(hash + 1));
  const file = localPath(link.href, path.dirname(article.path), url);
  if (!file) {
    if (anchor) checkAnchor(report, link, anchor, article, 'this article');
    return;
  }
  const shown = () => path.relative(config.root, file).split(path.sep).join('/');
  if (isOutsideFolder(file, config.root)) {
    report('outside-project', `Link ${quoteUrl(link.href)} leads outside the project folder: link to a page inside the project, or to its https: address`);
  } else if (/\.md$/i.test(file)) {
    const target = project.article(file);
    if (!target) {
      const near = closestMatch(path.basename(file), siblingArticles(project.articles, path.dirname(file)));
      const advice = near ? `did you mean ${near}?` : 'fix the path or create the article';
      report('missing-file', `Link ${quoteUrl(link.href)} points to ${shown()}, which does not exist: ${advice}`);
    } else if (anchor && !target.problem) {
      checkAnchor(report, link, anchor, target, shown());
    }
  } else if (!project.exists(file)) {
    report('missing-file', `Link ${quoteUrl(link.href)} points to ${shown()}, which does not exist: fix the path or add the file`);
  }
}

function checkAnchor(report: (messageId: string, message: string) => void, link: LinkRef, anchor: string, target: Article, shown: string): void {
  const ids = headingIds(target);
  if (ids.includes(anchor)) return;
  const match = closestMatch(anchor, ids);
  let advice: string;
  if (match) advice = `did you mean #${match}?`;
  else if (ids.length === 0) advice = 'it has no headings; link to the page without an anchor';
  else advice = `link to one of its headings: ${ids.slice(0, MAX_LISTED_IDS).map((id) => `#${id}`).join(', ')}${ids.length > MAX_LISTED_IDS ? ', …' : ''}`;
  report('missing-anchor', `Link ${quoteUrl(link.href)} names no heading #${anchor} in ${shown}: ${advice}`);
}

/** File names of the linted articles in a folder: the likely targets of a mistyped link. */
function siblingArticles(articles: readonly Article[], folder: string): string[] {
  return articles.filter((a) => path.dirname(a.path) === folder).map((a) => path.basename(a.path));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
