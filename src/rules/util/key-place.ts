import type { Article } from '../../core/article.js';
import type { Place } from '../../core/diagnostic.js';

/**
 * Where to point a finding about the whole article: the first of `keys` present in the front matter,
 * else line 1, column 1.
 */
export function keyPlace(article: Article, keys: readonly string[]): Place {
  for (const key of keys) {
    const place = article.frontMatter?.places[key];
    if (place) return place.key;
  }
  return { line: 1, column: 1 };
}
