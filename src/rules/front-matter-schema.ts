// zod/mini: the same schemas as zod's chained API at a twentieth of the start-up cost.
import * as z from 'zod/mini';
import type { Article } from '../core/article.js';
import { publishedDate } from '../core/article-info.js';
import { toCalendarDate } from '../core/dates.js';
import { SLUG_PATTERN, suggestedSlug } from '../core/slug.js';
import { defineRule, type At, type MessageData } from './types.js';
import { titleInUse } from './util/title-in-use.js';
import { LANGUAGE_TAG as BCP47 } from '../core/language-tag.js';
import { withoutMarkdownExtension } from '../core/markdown-file.js';

/**
 * What each known key holds, said the way a writer reads it, with a line they can copy. Examples of
 * content (a description, a person) are built from the article itself or say what kind of value
 * is wanted: a canned sentence about back pain is wrong for every other page.
 */
const FIELDS: Record<string, { expected: string; example: (article: Article) => string }> = {
  title: { expected: 'a non-empty string', example: (article) => `title: ${JSON.stringify(titleFromFileName(article.relPath))}` },
  description: {
    expected: 'a string',
    example: (article) => `description: "…" (one or two sentences, 50–160 characters, on what a reader of ${JSON.stringify(subjectOf(article))} will learn)`,
  },
  date: { expected: 'a date (YYYY-MM-DD)', example: () => 'date: 2024-05-08' },
  updated: { expected: 'a date (YYYY-MM-DD)', example: () => 'updated: 2024-06-01' },
  author: { expected: 'a name or a list of names', example: () => 'author: "…" (the name of the person who wrote it, or a list of names)' },
  reviewedBy: { expected: 'a string (the reviewer and credentials)', example: () => 'reviewedBy: "…" (the reviewer\'s name and credentials)' },
  lastReviewed: { expected: 'a date (YYYY-MM-DD)', example: () => 'lastReviewed: 2024-05-08' },
  type: { expected: 'an article type name', example: () => 'type: condition' },
  condition: { expected: 'a string', example: (article) => `condition: ${JSON.stringify(subjectOf(article))}` },
  treatments: { expected: 'a list of treatment names', example: () => 'treatments: [first treatment, second treatment]' },
  tags: { expected: 'a tag or a list of tags', example: () => 'tags: [topic, another topic]' },
  slug: { expected: 'a string', example: (article) => `slug: ${suggestedSlug('', article.relPath)}` },
  draft: { expected: 'true or false', example: () => 'draft: true' },
  published: { expected: 'true or false', example: () => 'published: false' },
  lang: { expected: 'a language tag', example: () => 'lang: en-GB' },
  image: { expected: 'a path or URL to an image', example: () => 'image: images/photo.jpg' },
  imageAlt: { expected: 'a string', example: () => 'imageAlt: "…" (what the image shows, for readers who cannot see it)' },
};

/** What the article is about, as it says itself: its condition, else its title, else its file name. */
function subjectOf(article: Article): string {
  const { condition, title } = article.data;
  if (typeof condition === 'string' && condition.trim()) return condition.trim();
  if (typeof title === 'string' && title.trim()) return title.trim();
  return titleFromFileName(article.relPath);
}

/** "2024-05-08-knee-pain.md" reads "Knee pain". */
function titleFromFileName(relPath: string): string {
  const words = withoutMarkdownExtension(relPath.split('/').pop() ?? '').replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Title';
}

const REQUIRED = new Set(['title', 'description', 'date', 'author']);

const text = z.string();
const filled = z.string().check(z.refine((value) => value.trim() !== '', { params: { messageId: 'empty' } }));
const day = z.string().check(z.refine((value) => toCalendarDate(value) !== undefined, { params: { messageId: 'invalid-date' } }));
// A single name where a list is allowed is a list of one (`author: Jane Doe`, `tags: spine`).
const oneOrMany = (item: z.ZodMiniType) => z.pipe(z.transform((value: unknown) => (typeof value === 'string' ? [value] : value)), z.array(item));
const matching = (pattern: RegExp, messageId: string) => z.string().check(z.refine((value) => pattern.test(value), { params: { messageId } }));

// Unknown keys pass through untouched: templates may use them.
const schema = z.object({
  title: filled,
  description: text,
  date: z.optional(day),
  updated: z.optional(day),
  author: oneOrMany(filled).check(z.refine((names: unknown[]) => names.length > 0, { params: { messageId: 'empty' } })),
  reviewedBy: z.optional(text),
  lastReviewed: z.optional(day),
  type: z.optional(filled),
  condition: z.optional(text),
  treatments: z.optional(z.array(filled)),
  tags: z.optional(oneOrMany(filled)),
  slug: z.optional(matching(SLUG_PATTERN, 'invalid-slug')),
  draft: z.optional(z.boolean()),
  published: z.optional(z.boolean()),
  lang: z.optional(matching(BCP47, 'invalid-lang')),
  image: z.optional(text),
  imageAlt: z.optional(text),
});

/** Checks the front matter against the documented keys (the README's Articles section): presence, types, real dates, slug, known type. */
export const frontMatterSchema = defineRule({
  id: 'front-matter-schema',
  description: 'Front matter has the required keys, with values of the right type: real dates, a valid slug, a known type',
  severity: 'error',
  messages: {
    // `note`, for the title, says which title the page shows meanwhile; empty for other keys.
    missing: "Missing required key '{{key}}': add {{example}} to the front matter{{alternative}}{{note}}",
    empty: '{{subject}} is empty: give it a value (e.g. {{example}}){{remove}}{{note}}',
    'wrong-type': '{{subject}} should be {{expected}}, not {{actual}}: for example {{example}}{{note}}',
    'invalid-date': '{{subject}} {{value}} is not a real date: use YYYY-MM-DD, e.g. {{example}}{{note}}',
    'updated-before-date': "'updated' ({{updated}}) is before the publication date ({{published}}): an article cannot change before it appears; correct one of the dates",
    'invalid-slug': "'slug' {{value}} may hold only lower-case letters, digits and hyphens, starting with a letter or digit: e.g. slug: {{suggestion}}{{note}}",
    'invalid-lang': "'lang' {{value}} is not a BCP 47 language tag: use a code such as en, en-GB or es-419{{note}}",
    'unknown-type': "Unknown article type '{{type}}': use one of {{known}}, or add '{{type}}' under 'types' in healthmd.config.yaml",
    'implausible-date': '{{subject}} is {{when}}: {{advice}}',
  },
  check({ article, config, now, report }) {
    const data = article.data;

    const input = { ...data };
    // An empty review is a missing review: review-current reports it, once.
    for (const key of ['reviewedBy', 'lastReviewed']) if (input[key] === null || input[key] === '') delete input[key];

    const result = schema.safeParse(input);
    for (const issue of result.success ? [] : result.error.issues) {
      const [key, index] = issue.path as [string, number | undefined];
      const found = describeIssue(issue, key, index, data[key], article);
      report({ ...found, data: { ...found.data, note: key === 'title' ? `. ${titleInUse(article)}` : '' }, at: { value: key, item: index } });
    }

    if (data.date === undefined && publishedDate(article) === undefined) {
      const alternative = `, or start the file name with the date (2024-05-08-${article.relPath.split('/').pop()})`;
      report({ messageId: 'missing', data: { key: 'date', example: FIELDS.date.example(article), alternative, note: '' }, at: 'file' });
    }

    const type = data.type;
    if (typeof type === 'string' && type.trim() && !config.types[type.trim()]) {
      report({ messageId: 'unknown-type', data: { type: type.trim(), known: Object.keys(config.types).join(', ') }, at: { value: 'type' } });
    }

    const published = publishedDate(article);
    const updated = toCalendarDate(data.updated);
    if (published && updated && updated < published) {
      report({ messageId: 'updated-before-date', data: { updated, published }, at: { value: 'updated' } });
    }

    for (const finding of implausibleDates(article, now)) report({ messageId: 'implausible-date', severity: 'warning', ...finding });
  },
});

type MessageId = keyof typeof frontMatterSchema.messages;

const EARLIEST_PLAUSIBLE = '1900-01-01';

/** Dates no health article has: placeholders for ordering (`0001-01-01`), typos, a publication after today. */
function implausibleDates(article: Article, now: string): Array<{ data: MessageData; at: At }> {
  const found: Array<{ data: MessageData; at: At }> = [];
  const fromFileName = article.data.date === undefined;
  for (const key of ['date', 'updated', 'lastReviewed']) {
    const day = key === 'date' ? publishedDate(article) : toCalendarDate(article.data[key]);
    if (!day) continue;
    const subject = key === 'date' && fromFileName ? `The date in the file name (${day})` : `'${key}' (${day})`;
    const at: At = key === 'date' && fromFileName ? 'file' : { value: key };
    if (day < EARLIEST_PLAUSIBLE) {
      const advice = 'pages show it as written and list the article after every later one; if it only orders the article, write the real date';
      found.push({ data: { subject, when: `before ${EARLIEST_PLAUSIBLE.slice(0, 4)}`, advice }, at });
    } else if (key === 'date' && day > now) {
      found.push({ data: { subject, when: `after today (${now})`, advice: 'the article is listed above everything published until then; write the day it is published' }, at });
    }
  }
  return found;
}


function describeIssue(issue: z.core.$ZodIssue, key: string, index: number | undefined, value: unknown, article: Article): { messageId: MessageId; data: Record<string, string> } {
  const known = FIELDS[key];
  const field = { expected: known?.expected ?? 'a valid value', example: known ? known.example(article) : `${key}: …` };
  const item = Array.isArray(value) && index !== undefined ? value[index] : value;
  const subject = Array.isArray(value) && index !== undefined ? `'${key}' entry ${index + 1}` : `'${key}'`;
  if (value === undefined) {
    return { messageId: 'missing', data: { key, example: field.example, alternative: '' } };
  }
  const isItem = Array.isArray(value) && index !== undefined;
  if (item === null || (issue.code === 'custom' && issue.params?.messageId === 'empty')) {
    const remove = isItem ? ' or remove the entry' : REQUIRED.has(key) ? '' : ' or remove the key';
    return { messageId: 'empty', data: { subject, example: field.example, remove } };
  }
  if (issue.code === 'invalid_type') {
    const expected = isItem ? 'text' : field.expected;
    return { messageId: 'wrong-type', data: { subject, expected, actual: describe(item), example: field.example } };
  }
  const shown = JSON.stringify(item);
  switch (issue.code === 'custom' ? issue.params?.messageId : undefined) {
    case 'invalid-date':
      return { messageId: 'invalid-date', data: { subject, value: shown, example: field.example } };
    case 'invalid-slug':
      return { messageId: 'invalid-slug', data: { value: shown, suggestion: suggestedSlug(String(item), article.relPath) } };
    case 'invalid-lang':
      return { messageId: 'invalid-lang', data: { value: shown } };
    default:
      return { messageId: 'wrong-type', data: { subject, expected: field.expected, actual: describe(item), example: field.example } };
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text (${JSON.stringify(value)})`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `true/false (${value})`;
  return 'a set of keys';
}
