import type { Article } from '../core/article.js';
import { articleTypeName, authors, publishedDate } from '../core/article-info.js';
import { isDraft, unpublishedReason } from '../core/publication.js';
import type { Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import type { LintResult } from '../lint/engine.js';
import { reviewStatus } from './review-status.js';
import { relativePath } from '../core/relative-path.js';

/** One article as `healthmd list --json` prints it. The keys are stable: scripts depend on them. */
export interface ArticleRow {
  /** Relative to the working directory, with forward slashes (as lint names files, so review takes it). */
  path: string;
  title: string | null;
  type: string;
  date: CalendarDate | null;
  /** Authors joined with ", ". */
  author: string | null;
  reviewedBy: string | null;
  lastReviewed: CalendarDate | null;
  reviewDue: CalendarDate | null;
  /** Days until the review falls due; negative when overdue. */
  dueInDays: number | null;
  draft: boolean;
  /** What build publishes today: false for drafts and for articles dated after today. */
  published: boolean;
  errors: number;
  warnings: number;
}

/** A row plus what the table needs to word and colour it. */
export interface ListedArticle extends ArticleRow {
  medical: boolean;
  /** The file could not be parsed (front-matter-valid): its fields are unknown. */
  unparseable: boolean;
}

/** The listing of parsed articles with their lint results (matched by file path), paths relative to `cwd`. Pure. */
export function articleRows(articles: readonly Article[], results: readonly LintResult[], config: Config, now: CalendarDate, cwd: string): ListedArticle[] {
  const resultOf = new Map(results.map((result) => [result.filePath, result]));
  return articles.map((article) => {
    const status = reviewStatus(article, config, now);
    const result = resultOf.get(article.path);
    const text = (key: string) => {
      const value = article.data[key];
      return typeof value === 'string' && value.trim() ? value.trim() : null;
    };
    const names = authors(article);
    return {
      path: relativePath(cwd, article.path),
      title: text('title'),
      type: articleTypeName(article, config),
      date: publishedDate(article) ?? null,
      author: names.length ? names.join(', ') : null,
      reviewedBy: text('reviewedBy'),
      lastReviewed: status.lastReviewed ?? null,
      reviewDue: status.reviewDue ?? null,
      dueInDays: status.dueInDays ?? null,
      draft: isDraft(article),
      published: unpublishedReason(article, { now }) === undefined,
      errors: result?.errorCount ?? 0,
      warnings: result?.warningCount ?? 0,
      medical: status.medical,
      unparseable: article.problem !== undefined,
    };
  });
}

/** The stable JSON shape: only the documented keys, in a fixed order. */
export function toJsonRow(row: ArticleRow): ArticleRow {
  const { path, title, type, date, author, reviewedBy, lastReviewed, reviewDue, dueInDays, draft, published, errors, warnings } = row;
  return { path, title, type, date, author, reviewedBy, lastReviewed, reviewDue, dueInDays, draft, published, errors, warnings };
}
