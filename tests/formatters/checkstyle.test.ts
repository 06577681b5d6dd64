import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatCheckstyle } from '../../src/formatters/checkstyle.js';
import { context, diagnostic, result, sampleResults } from './sample-results.js';

/**
 * What reviewdog reads of a checkstyle report (its CheckStyleResult: `checkstyle[version]`,
 * `file[name]`, `error[line, column, severity, message, source]`); Jenkins' Warnings plugin reads
 * the same attributes.
 */
interface CheckstyleError {
  line: string;
  column: string;
  severity: string;
  message: string;
  source: string;
}
interface CheckstyleFile {
  name: string;
  error?: CheckstyleError[];
}

function parse(xml: string): { version: string; file: CheckstyleFile[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    htmlEntities: true,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => name === 'file' || name === 'error',
  });
  const document = parser.parse(xml);
  expect(Object.keys(document)).toEqual(['?xml', 'checkstyle']);
  return document.checkstyle;
}

describe('formatCheckstyle', () => {
  it('lists every file checked, clean ones too, under its relative path', () => {
    const report = parse(formatCheckstyle(sampleResults(), context()));
    expect(report.version).toBe('4.3');
    expect(report.file.map((file) => [file.name, file.error?.length ?? 0])).toEqual([
      ['articles/back pain.md', 3],
      ['articles/ünïcode #1, draft: v2.md', 1],
      ['articles/clean.md', 0],
      ['articles/broken.md', 1],
    ]);
  });

  it('gives each finding its line, column, severity, message with the rule id, and the rule as source', () => {
    const [first] = parse(formatCheckstyle(sampleResults(), context())).file;
    expect(first.error).toEqual([
      { line: '3', column: '1', severity: 'error', message: 'remove the body H1: the title is the H1. (heading-structure)', source: 'healthmd.heading-structure' },
      { line: '12', column: '7', severity: 'warning', message: '"cures" is an absolute claim (no-absolute-claims)', source: 'healthmd.no-absolute-claims' },
      { line: '120', column: '33', severity: 'error', message: 'unsafe URL javascript:alert(1) (link-safety)', source: 'healthmd.link-safety' },
    ]);
  });

  it('keeps messages with markup, quotes, line breaks and control characters intact and the XML well-formed', () => {
    const message = 'a <script>"x" & \'y\'\nsecond\tline\u0007';
    const [file] = parse(formatCheckstyle([result('a&b <c>.md', [diagnostic('no-raw-html', 1, 2, { message })])], context())).file;
    expect(file.name).toBe('a&b <c>.md');
    expect(file.error![0].message).toBe('a <script>"x" & \'y\'\nsecond\tline\uFFFD (no-raw-html)');
  });

  it('is an empty report for no files', () => {
    const report = parse(formatCheckstyle([], context()));
    expect(report.file).toBeUndefined();
  });
});
