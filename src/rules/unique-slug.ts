import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const uniqueSlug: Rule = {
  id: 'unique-slug',
  description: 'unique-slug',
  severity: 'error',
  messages: {},
  check() {},
};
