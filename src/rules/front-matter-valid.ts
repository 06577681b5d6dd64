import { defineRule } from './types.js';

/** Reports why a file could not be read as an article. The parser found it; this rule only speaks. */
type ProblemId = Exclude<keyof typeof frontMatterValid.messages, 'duplicate-key'>;

export const frontMatterValid = defineRule({
  id: 'front-matter-valid',
  description: 'The file is UTF-8 text with closed, parseable YAML front matter (no duplicate keys, aliases, tags or code engines)',
  severity: 'error',
  fatal: true,
  messages: {
    // The parser words what it found (it knows the line, the key, the limit); this rule passes it on.
    engine: '{{reason}}',
    unclosed: '{{reason}}',
    yaml: '{{reason}}',
    'duplicate-key': "Key '{{key}}' is written twice, on line {{first}} and on line {{again}}; the value on line {{again}} is used: delete the line that is wrong",
    alias: '{{reason}}',
    tag: '{{reason}}',
    'not-a-map': '{{reason}}',
    'complex-key': '{{reason}}',
    'too-large': '{{reason}}',
    'too-deep': '{{reason}}',
    empty: '{{reason}}',
    binary: '{{reason}}',
    encoding: '{{reason}}',
    markdown: '{{reason}}',
    'too-complex': '{{reason}}',
  },
  check({ article, report }) {
    for (const { key, first, again } of article.frontMatter?.duplicates ?? []) {
      report({ messageId: 'duplicate-key', data: { key, first: first.line, again: again.line }, at: { place: again }, fatal: false });
    }
    const problem = article.problem;
    if (!problem) return;
    // The parser re-reads a file whose only YAML errors are duplicate keys, so one never arrives here as a problem; were it to, it is a YAML error.
    const messageId = problem.messageId === 'duplicate-key' || !Object.hasOwn(frontMatterValid.messages, problem.messageId) ? 'yaml' : (problem.messageId as ProblemId);
    report({ messageId, data: { reason: problem.message }, at: { place: problem.place } });
  },
});
