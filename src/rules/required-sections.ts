import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const requiredSections: Rule = {
  id: 'required-sections',
  description: 'required-sections',
  severity: 'error',
  messages: {},
  check() {},
};
