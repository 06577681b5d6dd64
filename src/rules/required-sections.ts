import { articleType, articleTypeName } from '../core/article-info.js';
import { matchesSection } from './util/match-section.js';
import { defineRule } from './types.js';
import { findSection, sectionHasContent } from './util/section.js';

// disclaimer-present and sources-present own these, so a missing one is reported once.
const OWNED_ELSEWHERE = ['Disclaimer', 'Sources'];

/** Every section the article's type requires is there, with content under its heading. */
export const requiredSections = defineRule({
  id: 'required-sections',
  description: "The sections the article's type requires are present and not empty",
  severity: 'error',
  messages: {
    missing: "Missing required section '{{section}}' (type '{{type}}'): add a '## {{section}}' heading with content",
    empty: "Section '{{heading}}' is empty: write the {{part}} part of the article under it (type '{{type}}' requires it)",
  },
  check({ article, config, report }) {
    const required = articleType(article, config)?.requiredSections;
    if (!required) return;
    const type = articleTypeName(article, config);
    for (const section of required) {
      if (OWNED_ELSEWHERE.some((owned) => matchesSection(section, owned))) continue;
      const heading = findSection(article, section);
      if (!heading) report({ messageId: 'missing', data: { section, type }, at: { key: ['type', 'title'] } });
      else if (!sectionHasContent(heading)) {
        report({ messageId: 'empty', data: { heading: heading.text, part: section.toLowerCase(), type }, at: { start: heading.start } });
      }
    }
  },
});
