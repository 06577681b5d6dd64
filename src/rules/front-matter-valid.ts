import type { Rule } from './types.js';

/** Reports why a file could not be read as an article. The parser found it; this rule only speaks. */
export const frontMatterValid: Rule = {
  id: 'front-matter-valid',
  description: 'The file is UTF-8 text with closed, parseable YAML front matter (no duplicate keys, aliases, tags or code engines)',
  severity: 'error',
  fatal: true,
  messages: {
    engine: 'front matter in another language (---js, TOML…) is refused and never run',
    unclosed: 'the front-matter fence is not closed',
    yaml: 'the YAML does not parse',
    'duplicate-key': 'a key appears twice (an error, not fatal: the last value is used, as Jekyll does)',
    alias: 'a YAML alias is used',
    tag: 'a YAML tag is used',
    'not-a-map': 'the front matter is not a set of keys',
    'complex-key': 'a key is not a plain name',
    'too-large': 'the file or its front matter is too large',
    'too-deep': 'the front matter nests too deeply',
    empty: 'the file is empty',
    binary: 'the file holds NUL bytes',
    encoding: 'the file is not UTF-8',
    markdown: 'the body cannot be parsed',
    'too-complex': 'the body has more Markdown elements than one article may hold (a work budget that keeps memory bounded)',
  },
  check({ article, report }) {
    for (const { key, first, again } of article.frontMatter?.duplicates ?? []) {
      report({
        messageId: 'duplicate-key',
        message: `Key '${key}' is written twice, on line ${first.line} and on line ${again.line}; the value on line ${again.line} is used: delete the line that is wrong`,
        line: again.line,
        column: again.column,
        fatal: false,
      });
    }
    const problem = article.problem;
    if (!problem) return;
    report({ messageId: problem.messageId, message: problem.message, line: problem.place.line, column: problem.place.column });
  },
};
