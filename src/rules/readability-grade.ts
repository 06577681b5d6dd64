import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const readabilityGrade: Rule = {
  id: 'readability-grade',
  description: 'readability-grade',
  severity: 'error',
  messages: {},
  check() {},
};
