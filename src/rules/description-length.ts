import * as z from 'zod/mini';
import { defineRule } from './types.js';

const length = z.int().check(z.gte(0), z.lte(10_000));

/**
 * The description is what search results and link previews show: long enough to say what the
 * reader will learn, short enough not to be cut off. A missing or non-text description is
 * front-matter-schema's to report.
 */
export const descriptionLength = defineRule({
  id: 'description-length',
  description: 'The description is 50–160 characters (options min, max)',
  severity: 'warning',
  messages: {
    'too-short': 'Description is {{length}} characters; write at least {{min}}: one or two sentences that say what the reader will learn',
    'too-long': 'Description is {{length}} characters; shorten it to {{max}} or fewer so search results show it whole',
  },
  options: z.strictObject({ min: z._default(length, 50), max: z._default(length, 160) }),
  check({ article, options: { min, max }, report }) {
    const description = article.data.description;
    if (typeof description !== 'string' || !article.frontMatter?.places.description) return;
    const text = description.trim().replace(/\s+/g, ' ');
    if (text === '') return;
    // Characters as a reader counts them: an emoji or an accented letter is one.
    const length = Array.from(text).length;
    if (length < min) report({ messageId: 'too-short', data: { length, min }, at: { value: 'description' } });
    else if (length > max) report({ messageId: 'too-long', data: { length, max }, at: { value: 'description' } });
  },
});
