import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const noPlaceholder: Rule = {
  id: 'no-placeholder',
  description: 'no-placeholder',
  severity: 'error',
  messages: {},
  check() {},
};
