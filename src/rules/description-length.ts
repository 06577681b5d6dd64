import * as z from 'zod/mini';
import { defineRule } from './types.js';

const length = z.int().check(z.gte(0), z.lte(10_000));

/**
 * Markdown a writer of another site's front matter puts in a description (Hugo's `summary` is
 * Markdown to some themes): strong or emphasised words, a link, code, a paragraph break (which
 * YAML keeps as a line break where it folds the others into spaces). The description is plain
 * text to every page and preview that shows it.
 */
const MARKDOWN = /\*\*[^*\n]+\*\*|__[^_\n]+__|(?<![\p{L}\p{N}*_])[*_][^*_\s][^*_\n]*[*_](?![\p{L}\p{N}*_])|\[[^\]\n]+\]\([^)\n]*\)|`[^`\n]+`|\n(?=\s*\S)/u;

/**
 * The description is what search results and link previews show: long enough to say what the
 * reader will learn, short enough not to be cut off. A missing or non-text description is
 * front-matter-schema's to report.
 */
export const descriptionLength = defineRule({
  id: 'description-length',
  description: 'The description is 50–160 characters (options min, max) of plain text: Markdown in it (**bold**, [links](…), `code`, a paragraph break) is shown as written',
  severity: 'warning',
  messages: {
    'too-short': 'Description is {{length}} characters; write at least {{min}}: one or two sentences that say what the reader will learn',
    'too-long': 'Description is {{length}} characters; shorten it to {{max}} or fewer so search results show it whole',
    markup: 'Description holds Markdown ({{found}}), which search results, link previews and the page show as written: write it as plain text',
  },
  options: z.strictObject({ min: z._default(length, 50), max: z._default(length, 160) }),
  check({ article, options: { min, max }, report }) {
    const description = article.data.description;
    if (typeof description !== 'string' || !article.frontMatter?.places.description) return;
    const text = description.trim().replace(/\s+/g, ' ');
    if (text === '') return;
    const markup = MARKDOWN.exec(description);
    if (markup) report({ messageId: 'markup', data: { found: markup[0].trim() ? markup[0] : 'a paragraph break' }, at: { value: 'description' } });
    // Characters as a reader counts them: an emoji or an accented letter is one.
    const length = Array.from(text).length;
    if (length < min) report({ messageId: 'too-short', data: { length, min }, at: { value: 'description' } });
    else if (length > max) report({ messageId: 'too-long', data: { length, max }, at: { value: 'description' } });
  },
});
