import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const internalLinks: Rule = {
  id: 'internal-links',
  description: 'internal-links',
  severity: 'error',
  messages: {},
  check() {},
};
