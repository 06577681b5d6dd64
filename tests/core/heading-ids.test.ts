import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { headingIds } from '../../src/core/heading-ids.js';

const article = (body: string) => parseArticle({ path: '/project/articles/a.md', relPath: 'a.md', content: `---\ntitle: A\n---\n${body}` });

describe('headingIds', () => {
  it('slugs headings the way GitHub does, one id per heading in order', () => {
    const a = article('## When to See a Doctor\n\n## Causes & Risk Factors\n\n### Café au lait spots\n\n## **NSAIDs** (ibuprofen) `200 mg`\n');
    expect(headingIds(a)).toEqual(['when-to-see-a-doctor', 'causes--risk-factors', 'café-au-lait-spots', 'nsaids-ibuprofen-200-mg']);
  });

  it('numbers repeats in document order, whatever their case', () => {
    const a = article('## Risks\n\n### Surgery\n\n## Risks\n\n### surgery\n\n## Risks-1\n');
    expect(headingIds(a)).toEqual(['risks', 'surgery', 'risks-1', 'surgery-1', 'risks-1-1']);
  });

  it('gives headings with nothing to slug a valid, unique id', () => {
    const a = article('## Section\n\n## !!!\n\n##\n');
    expect(headingIds(a)).toEqual(['section', 'section-1', 'section-2']);
  });

  it('ignores heading-like lines in code blocks', () => {
    const a = article('## Symptoms\n\n```md\n## Symptoms\n```\n\n## Symptoms\n');
    expect(headingIds(a)).toEqual(['symptoms', 'symptoms-1']);
  });
});

describe('headingIds with ids the headings set', () => {
  it('uses the id a heading sets, and keeps it from the slugs of the others wherever they stand', () => {
    const a = article('## Dosage\n\n## How much to take {#dosage}\n\n## Sources {#refs}\n\n## Refs\n');
    expect(headingIds(a)).toEqual(['dosage-1', 'dosage', 'refs', 'refs-1']);
  });

  it('numbers an id set a second time, as a repeated heading is numbered', () => {
    const a = article('## Adults {#dose}\n\n## Children {#dose}\n\n## Babies {#dose}\n');
    expect(headingIds(a)).toEqual(['dose', 'dose-1', 'dose-2']);
  });

  it('no longer slugs the braces into the id', () => {
    expect(headingIds(article('## Heading with id {#custom-id}\n'))).toEqual(['custom-id']);
  });
});
