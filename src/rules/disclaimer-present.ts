import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const disclaimerPresent: Rule = {
  id: 'disclaimer-present',
  description: 'disclaimer-present',
  severity: 'error',
  messages: {},
  check() {},
};
