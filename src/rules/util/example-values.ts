import type { Article } from '../../core/article.js';
import type { Config } from '../../core/config.js';
import type { RuleContext } from '../types.js';
import { reviewCommand } from './review-command.js';

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
export function reportExampleValues(article: Article, config: Config, report: RuleContext<'example-person' | 'placeholder-date'>['report']): void {
  for (const key of PERSON_KEYS) {
    const value = article.data[key];
    const names = Array.isArray(value) ? value : [value];
    names.forEach((name, i) => {
      if (typeof name !== 'string' || !EXAMPLE_PERSON.test(name.trim())) return;
      const data =
        key === 'reviewedBy'
          ? {
              key,
              name: name.trim(),
              role: `reviewer, and so is the review date beside it; the page would say "Medically reviewed by ${name.trim()}"`,
              action: `have the article reviewed and record it (${reviewCommand(article, config)} --by "Name, credentials")`,
            }
          : { key, name: name.trim(), role: 'person', action: 'write the name of the person who wrote the article' };
      report({ messageId: 'example-person', data, at: { value: key, item: Array.isArray(value) ? i : undefined } });
    });
  }
  for (const key of DATE_KEYS) {
    const value = article.data[key];
    const day = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim().slice(0, 10) : undefined;
    if (day !== EXAMPLE_DATE) continue;
    report({ messageId: 'placeholder-date', data: { key, date: EXAMPLE_DATE }, at: { value: key } });
  }
}
