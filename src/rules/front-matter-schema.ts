import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const frontMatterSchema: Rule = {
  id: 'front-matter-schema',
  description: 'front-matter-schema',
  severity: 'error',
  messages: {},
  check() {},
};
