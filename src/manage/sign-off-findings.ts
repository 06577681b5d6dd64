import { parseArticle, type Article } from '../core/article.js';
import type { Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { createProject } from '../core/project.js';
import { lintArticles } from '../lint/engine.js';

/** An article as it will stand once the review is recorded: its current text, or the planned one. */
export interface SignedOff {
  article: Article;
  /** The new file text when recording the review changes it. */
  text?: string;
}

/**
 * What stands in the way of signing the articles off: the lint errors, and every placeholder
 * finding (whatever its configured severity), of each article as it will read once the review is
 * recorded, so the review itself is never among them. The lint engine decides, as `healthmd lint` would.
 */
export function signOffFindings(items: readonly SignedOff[], config: Config, now: CalendarDate): Map<Article, Diagnostic[]> {
  const planned = items.map(({ article, text }) => (text === undefined ? article : parseArticle({ path: article.path, relPath: article.relPath, content: text })));
  // As before the Project: a file that exists passes as a project file (symbolic links are not resolved here).
  const project = createProject({ config, articles: planned });
  const results = lintArticles(planned, { config, now, project });
  const found = new Map<Article, Diagnostic[]>();
  results.forEach((result, i) => {
    const blocking = result.messages.filter((message) => message.severity === 'error' || message.ruleId === 'no-placeholder');
    if (blocking.length > 0) found.set(items[i].article, blocking);
  });
  return found;
}
