import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const linkSafety: Rule = {
  id: 'link-safety',
  description: 'link-safety',
  severity: 'error',
  messages: {},
  check() {},
};
