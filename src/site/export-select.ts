import type { Article } from '../core/article.js';
import { isDraft, publishedDate, stringList } from '../core/article-info.js';
import type { CalendarDate } from '../core/dates.js';
import { tagSlug } from '../render/tag-slug.js';

export interface ExportSelection {
  /** Keep articles with any of these tags (compared as tag pages name them, so "Back pain" is `back-pain`). */
  tags?: readonly string[];
  /** Keep articles published on or after this day; undated articles are left out. */
  since?: CalendarDate;
  /** Keep drafts and `published: false` articles too. */
  drafts?: boolean;
}

export interface SelectedArticles {
  articles: Article[];
  /** Drafts that matched everything else but were left out for want of `drafts`. */
  draftsLeftOut: number;
}

/**
 * Narrows the articles named on the command line (all of them by default) to what the flags ask
 * for. Every condition must hold: a tag filter and a date filter together mean both.
 */
export function selectForExport(articles: readonly Article[], selection: ExportSelection): SelectedArticles {
  const wanted = new Set((selection.tags ?? []).map((tag) => tagSlug(tag) ?? tag));
  const selected: Article[] = [];
  let draftsLeftOut = 0;
  for (const article of articles) {
    if (wanted.size > 0 && !stringList(article, 'tags').some((tag) => wanted.has(tagSlug(tag) ?? tag))) continue;
    if (selection.since !== undefined) {
      const date = publishedDate(article);
      if (date === undefined || date < selection.since) continue;
    }
    if (!selection.drafts && isDraft(article)) {
      draftsLeftOut++;
      continue;
    }
    selected.push(article);
  }
  return { articles: selected, draftsLeftOut };
}
