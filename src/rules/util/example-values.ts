import type { Article } from '../../core/article.js';
import type { Report } from '../../core/diagnostic.js';

/**
 * People who stand in for real ones: the author and reviewer `healthmd init`'s example article
 * names ("Example Author", "Example Reviewer, MD") and the usual stand-ins of other templates. A
 * page that prints "Medically reviewed by Example Reviewer, MD" misleads its readers.
 */
const EXAMPLE_PERSON =
  /^(?:(?:dr\.?|prof\.?)\s+)?(?:(?:example|placeholder|sample|test|dummy)\s+(?:author|reviewer|writer|doctor|person|name|user)|(?:your|author|reviewer|writer)(?:['’]s)?\s+name|jane\s+doe|john\s+doe|first(?:name)?\s+last(?:name)?)\b/i;

/** A date a script writes when it has none: the Unix epoch, day 0. */
const EXAMPLE_DATE = '1970-01-01';

const PERSON_KEYS = ['author', 'reviewedBy'];
const DATE_KEYS = ['date', 'updated', 'lastReviewed'];

/** Reports example people in author/reviewedBy and placeholder dates, at the value in the front matter. */
export function reportExampleValues(article: Article, report: (report: Report) => void): void {
  const places = article.frontMatter?.places ?? {};
  for (const key of PERSON_KEYS) {
    const value = article.data[key];
    const names = Array.isArray(value) ? value : [value];
    names.forEach((name, i) => {
      if (typeof name !== 'string' || !EXAMPLE_PERSON.test(name.trim())) return;
      const at = (Array.isArray(value) ? places[key]?.items?.[i] : undefined) ?? places[key]?.value ?? { line: 1, column: 1 };
      const message =
        key === 'reviewedBy'
          ? `reviewedBy: "${name.trim()}" is an example, not a real reviewer, and so is the review date beside it; the page would say "Medically reviewed by ${name.trim()}": have the article reviewed and record it (healthmd review ${article.relPath} --by "Name, credentials")`
          : `${key}: "${name.trim()}" is an example, not a real person: write the name of the person who wrote the article`;
      report({ messageId: 'example-person', message, ...at });
    });
  }
  for (const key of DATE_KEYS) {
    const value = article.data[key];
    const day = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim().slice(0, 10) : undefined;
    if (day !== EXAMPLE_DATE) continue;
    report({
      messageId: 'placeholder-date',
      message: `${key}: ${EXAMPLE_DATE} is the date a script writes when it has none (day 0 of Unix time), not a real one: write the real date`,
      ...(places[key]?.value ?? { line: 1, column: 1 }),
    });
  }
}
