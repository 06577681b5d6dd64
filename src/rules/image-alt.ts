import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const imageAlt: Rule = {
  id: 'image-alt',
  description: 'image-alt',
  severity: 'error',
  messages: {},
  check() {},
};
