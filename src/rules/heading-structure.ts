import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const headingStructure: Rule = {
  id: 'heading-structure',
  description: 'heading-structure',
  severity: 'error',
  messages: {},
  check() {},
};
