import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const reviewCurrent: Rule = {
  id: 'review-current',
  description: 'review-current',
  severity: 'error',
  messages: {},
  check() {},
};
