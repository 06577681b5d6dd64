import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath, type Formatter } from './types.js';
import { xmlAttribute } from './xml.js';

/**
 * Checkstyle XML, as Jenkins (Warnings Next Generation), reviewdog (`-f=checkstyle`) and other CI
 * tools read it: every file checked, each finding an `<error>` with its place, severity, message
 * and rule. Shaped like ESLint's `checkstyle` formatter, which those tools are used to.
 */
export const formatCheckstyle: Formatter = (results, context) => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    const name = xmlAttribute(displayPath(result.filePath, context.cwd));
    if (result.messages.length === 0) {
      lines.push(`  <file name="${name}"/>`);
      continue;
    }
    lines.push(`  <file name="${name}">`, ...result.messages.map(error), '  </file>');
  }
  lines.push('</checkstyle>', '');
  return lines.join('\n');
};

// The rule id goes in the message too, as ESLint writes it: some readers show only the message.
function error(message: Diagnostic): string {
  const attributes = [
    ['line', String(message.line)],
    ['column', String(message.column)],
    ['severity', message.severity],
    ['message', `${message.message} (${message.ruleId})`],
    ['source', `healthmd.${message.ruleId}`],
  ];
  return `    <error ${attributes.map(([key, value]) => `${key}="${xmlAttribute(value)}"`).join(' ')}/>`;
}
