import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath, type Formatter } from './types.js';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export const formatGithub: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const message of result.messages) lines.push(annotation(file, message));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

function annotation(file: string, message: Diagnostic): string {
  const properties: [string, number | string | undefined][] = [
    ['file', file],
    ['line', message.line],
    ['col', message.column],
    ['endLine', message.endLine],
    ['endColumn', message.endColumn],
    ['title', message.ruleId],
  ];
  const list = properties
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${message.severity} ${list}::${escapeData(message.message)}`;
}

// The runner splits a command at newlines and percent-decodes what it reads; escaping these is what it expects.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// In properties ':' and ',' are separators too.
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
