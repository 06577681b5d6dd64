import type { Article } from '../../core/article.js';
import { articleType } from '../../core/article-info.js';
import type { Config } from '../../core/config.js';
import { matchesSection } from './match-section.js';

/**
 * True when the article's type calls for a section that a dedicated rule owns (Disclaimer,
 * Sources): every medical type does, and so does any type that lists it among its required sections.
 * An unknown type gets nothing: front-matter-schema reports it.
 */
export function typeNeedsSection(article: Article, config: Config, section: string): boolean {
  const type = articleType(article, config);
  if (!type) return false;
  return type.medical || type.requiredSections.some((required) => matchesSection(required, section));
}
