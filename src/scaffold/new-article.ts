import type { CalendarDate } from '../core/dates.js';

/** What `healthmd new` writes: the answers to its questions, resolved from flags, prompts and defaults. */
export interface NewArticle {
  title: string;
  type: string;
  slug: string;
  /** Sub-folder of the articles folder ('' for the folder itself). */
  dir: string;
  condition?: string;
  treatments: string[];
  tags: string[];
  author?: string;
  reviewer?: string;
  /** Today: the article's date. */
  date: CalendarDate;
}
