import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const noAbsoluteClaims: Rule = {
  id: 'no-absolute-claims',
  description: 'no-absolute-claims',
  severity: 'error',
  messages: {},
  check() {},
};
