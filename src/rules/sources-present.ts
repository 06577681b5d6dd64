import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const sourcesPresent: Rule = {
  id: 'sources-present',
  description: 'sources-present',
  severity: 'error',
  messages: {},
  check() {},
};
