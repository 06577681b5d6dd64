import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath, type Formatter } from './types.js';

/**
 * JUnit XML for CI test views: one testsuite per file, one failing testcase per finding, and one
 * passing testcase for a clean file so it still shows up as checked.
 */
export const formatJunit: Formatter = (results, context) => {
  let tests = 0;
  let failures = 0;
  const suites = results.map((result) => {
    const file = displayPath(result.filePath, context.cwd);
    const cases = result.messages.length === 0 ? [passingCase(file)] : result.messages.map((message) => failingCase(file, message));
    tests += cases.length;
    failures += result.messages.length;
    return [
      `  <testsuite name="${attribute(file)}" tests="${cases.length}" failures="${result.messages.length}" errors="0" skipped="0" time="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="healthmd" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function passingCase(file: string): string {
  return `    <testcase classname="${attribute(file)}" name="no problems" time="0"/>`;
}

function failingCase(file: string, message: Diagnostic): string {
  const place = `${message.line}:${message.column}`;
  const detail = `${file}:${place} ${message.severity} ${message.message} (${message.ruleId})`;
  return [
    `    <testcase classname="${attribute(file)}" name="${attribute(`${message.ruleId} ${place}`)}" time="0">`,
    `      <failure message="${attribute(message.message)}" type="${message.severity}">${text(detail)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

// XML 1.0 cannot carry these even as character references (C0 controls but tab, LF and CR;
// lone surrogates; U+FFFE and U+FFFF), so they become U+FFFD rather than making the report unreadable.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// A raw CR would be normalised away by the parser; the reference keeps the text as reported.
function text(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

// Parsers turn raw tabs and line breaks in attributes into spaces; character references keep them.
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
