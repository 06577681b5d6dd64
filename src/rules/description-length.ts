import type { Rule } from './types.js';

/**
 * The description is what search results and link previews show: long enough to say what the
 * reader will learn, short enough not to be cut off. A missing or non-text description is
 * front-matter-schema's to report.
 */
export const descriptionLength: Rule = {
  id: 'description-length',
  description: 'The description is 50–160 characters (options min, max)',
  severity: 'warn',
  messages: {
    'too-short': 'the description is shorter than `min` characters',
    'too-long': 'the description is longer than `max` characters',
  },
  defaultOptions: { min: 50, max: 160 },
  check({ article, options, report }) {
    const description = article.data.description;
    const place = article.frontMatter?.places.description;
    if (typeof description !== 'string' || !place) return;
    const text = description.trim().replace(/\s+/g, ' ');
    if (text === '') return;
    const min = count(options.min, 50);
    const max = count(options.max, 160);
    // Characters as a reader counts them: an emoji or an accented letter is one.
    const length = Array.from(text).length;
    if (length < min) {
      report({
        messageId: 'too-short',
        message: `Description is ${length} characters; write at least ${min}: one or two sentences that say what the reader will learn`,
        ...place.value,
      });
    } else if (length > max) {
      report({
        messageId: 'too-long',
        message: `Description is ${length} characters; shorten it to ${max} or fewer so search results show it whole`,
        ...place.value,
      });
    }
  },
};

function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
