import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const descriptionLength: Rule = {
  id: 'description-length',
  description: 'description-length',
  severity: 'error',
  messages: {},
  check() {},
};
