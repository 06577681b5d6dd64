import type { Article } from '../../core/article.js';
import { articleTitle, type ArticleTitle } from '../../core/article-info.js';

/**
 * Says which title the page shows while the front matter has no usable one, and, for a heading
 * with words before it, that the page moves it to its top.
 */
export function titleInUse(article: Article): string {
  const title = articleTitle(article);
  return `Until then the page is titled ${JSON.stringify(title.text)}, from ${titleSource(article, title)}`;
}

function titleSource(article: Article, title: ArticleTitle): string {
  if (title.source === 'file-name') return 'the file name';
  if (title.source === 'front-matter' || !title.heading) return 'the front matter';
  const heading = title.heading;
  const opens = article.tokens.slice(0, heading.index).every((token) => token.type === 'space' || token.type === 'html');
  return opens ? "the body's first heading" : 'the first heading, which stands below other words: the page shows it at its top instead of where it stands';
}
