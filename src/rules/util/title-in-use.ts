import type { Article } from '../../core/article.js';
import { articleTitle } from '../../core/article-info.js';

/** Says which title the page shows while the front matter has no usable one. */
export function titleInUse(article: Article): string {
  const title = articleTitle(article);
  const from = title.source === 'heading' ? "the body's first heading" : title.source === 'file-name' ? 'the file name' : 'the front matter';
  return `Until then the page is titled ${JSON.stringify(title.text)}, from ${from}`;
}
