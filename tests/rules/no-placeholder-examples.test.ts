import { describe, expect, it } from 'vitest';
import { lintOne, summary } from './support/lint-with-rule.js';

const RULE = 'no-placeholder';
const article = (frontMatter: string) => `---\ntitle: Knee pain\ndescription: Knee pain explained.\n${frontMatter}---\n\nText.\n`;

describe('no-placeholder: example people and dates', () => {
  it('reports the example author and reviewer `healthmd init` writes, at their values', () => {
    const findings = lintOne(RULE, article('date: 2024-05-08\nauthor: Example Author\nreviewedBy: "Example Reviewer, MD"\nlastReviewed: 2024-05-08\n'));
    expect(summary(findings)).toEqual(['example-person@5:9', 'example-person@6:13']);
    expect(findings[1].message).toContain('the page would say "Medically reviewed by Example Reviewer, MD"');
    // The same command review-current gives, with the path from the project root, as the user types it.
    expect(findings[1].message).toContain('healthmd review articles/article.md --by "Name, credentials"');
  });

  it('reports the usual stand-ins in a list of authors, and a 1970-01-01 date', () => {
    const findings = lintOne(RULE, article('date: 1970-01-01\nauthor:\n  - Dr Amina Shah\n  - Jane Doe\n  - Your Name\n'));
    expect(summary(findings)).toEqual(['placeholder-date@4:7', 'example-person@7:5', 'example-person@8:5']);
  });

  it('passes real people whose names hold the same words', () => {
    const findings = lintOne(RULE, article('date: 2024-05-08\nauthor: [Sam Example-Jones, Dr Jane Doerr, Anna Sample]\nreviewedBy: "Dr Testa Reviewer, MD"\nlastReviewed: 2024-05-08\n'));
    expect(findings).toEqual([]);
  });
});
