import type { Rule } from './types.js';

// Placeholder while the rule is written; replaced by the real rule before release.
export const noRawHtml: Rule = {
  id: 'no-raw-html',
  description: 'no-raw-html',
  severity: 'error',
  messages: {},
  check() {},
};
