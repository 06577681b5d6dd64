import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath, type Formatter } from './types.js';
import { xmlAttribute, xmlText } from './xml.js';

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
      `  <testsuite name="${xmlAttribute(file)}" tests="${cases.length}" failures="${result.messages.length}" errors="0" skipped="0" time="0">`,
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
  return `    <testcase classname="${xmlAttribute(file)}" name="no problems" time="0"/>`;
}

function failingCase(file: string, message: Diagnostic): string {
  const place = `${message.line}:${message.column}`;
  const detail = `${file}:${place} ${message.severity} ${message.message} (${message.ruleId})`;
  return [
    `    <testcase classname="${xmlAttribute(file)}" name="${xmlAttribute(`${message.ruleId} ${place}`)}" time="0">`,
    `      <failure message="${xmlAttribute(message.message)}" type="${message.severity}">${xmlText(detail)}</failure>`,
    '    </testcase>',
  ].join('\n');
}
