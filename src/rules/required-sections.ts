import { articleType, articleTypeName } from '../core/article-info.js';
import { matchesSection } from './util/match-section.js';
import type { Rule } from './types.js';
import { keyPlace } from './util/key-place.js';
import { findSection, sectionHasContent } from './util/section.js';

// disclaimer-present and sources-present own these, so a missing one is reported once.
const OWNED_ELSEWHERE = ['Disclaimer', 'Sources'];

/** Every section the article's type requires is there, with content under its heading. */
export const requiredSections: Rule = {
  id: 'required-sections',
  description: "The sections the article's type requires are present and not empty",
  severity: 'error',
  messages: {
    missing: 'no heading names a section the type requires',
    empty: 'a required section has a heading but nothing under it',
  },
  check({ article, config, report }) {
    const type = articleType(article, config);
    if (!type) return;
    const typeName = articleTypeName(article, config);
    const anchor = keyPlace(article, ['type', 'title']);
    for (const section of type.requiredSections) {
      if (OWNED_ELSEWHERE.some((owned) => matchesSection(section, owned))) continue;
      const heading = findSection(article, section);
      if (!heading) {
        report({
          messageId: 'missing',
          message: `Missing required section '${section}' (type '${typeName}'): add a '## ${section}' heading with content`,
          ...anchor,
        });
      } else if (!sectionHasContent(heading)) {
        const place = article.place(heading.start);
        report({
          messageId: 'empty',
          message: `Section '${heading.text}' is empty: write the ${section.toLowerCase()} part of the article under it (type '${typeName}' requires it)`,
          ...place,
        });
      }
    }
  },
};
