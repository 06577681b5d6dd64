import type { Article } from '../core/article.js';
import { publishedDate, articleTags } from '../core/article-info.js';
import { unpublishedReason, type Unpublished } from '../core/publication.js';
import type { CalendarDate } from '../core/dates.js';
import { tagSlug } from '../core/slug.js';

export interface ExportSelection {
  /** Keep articles with any of these tags (compared as tag pages name them, so "Back pain" is `back-pain`). */
  tags?: readonly string[];
  /** Keep articles published on or after this day; undated articles are left out. */
  since?: CalendarDate;
  /** Keep drafts and `published: false` articles too. */
  drafts?: boolean;
  /** Keep articles dated after today too. */
  future?: boolean;
  /** Today: articles dated after it are not published yet. */
  now: CalendarDate;
}

export interface SelectedArticles {
  articles: Article[];
  /** Unpublished articles that matched everything else, left out for want of `--drafts` or `--future`. */
  leftOut: Array<{ article: Article; reason: Unpublished }>;
}

/**
 * Narrows the articles named on the command line (all of them by default) to what the flags ask
 * for. Every condition must hold: a tag filter and a date filter together mean both.
 */
export function selectForExport(articles: readonly Article[], selection: ExportSelection): SelectedArticles {
  const wanted = new Set((selection.tags ?? []).map((tag) => tagSlug(tag) ?? tag));
  const selected: Article[] = [];
  const leftOut: SelectedArticles['leftOut'] = [];
  for (const article of articles) {
    if (wanted.size > 0 && !articleTags(article).some((tag) => wanted.has(tagSlug(tag) ?? tag))) continue;
    if (selection.since !== undefined) {
      const date = publishedDate(article);
      if (date === undefined || date < selection.since) continue;
    }
    const reason = unpublishedReason(article, selection);
    if (reason) {
      leftOut.push({ article, reason });
      continue;
    }
    selected.push(article);
  }
  return { articles: selected, leftOut };
}
