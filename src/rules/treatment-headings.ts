import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const treatmentHeadings: Rule = {
  id: 'treatment-headings',
  description: 'treatment-headings',
  severity: 'error',
  messages: {},
  check() {},
};
