import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/formatters/junit.js';
import { context, diagnostic, result, sampleResults } from './sample-results.js';

// Characters XML 1.0 forbids outright (not even as references): most C0 controls, lone surrogates, U+FFFE/U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Node = Record<string, unknown>;

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(FORBIDDEN);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    htmlEntities: true,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'failure',
  });
  return parser.parse(xml).testsuites as Node & { testsuite: (Node & { testcase: (Node & { failure?: Node[] })[] })[] };
}

describe('formatJunit', () => {
  it('writes one testsuite per file with its counts', () => {
    const suites = parse(formatJunit(sampleResults(), context()));
    expect(suites.testsuite.map((suite) => [suite.name, suite.tests, suite.failures, suite.errors])).toEqual([
      ['articles/back pain.md', '3', '3', '0'],
      ['articles/ünïcode #1, draft: v2.md', '1', '1', '0'],
      ['articles/clean.md', '1', '0', '0'],
      ['articles/broken.md', '1', '1', '0'],
    ]);
    expect([suites.tests, suites.failures]).toEqual(['6', '5']);
  });

  it('writes one failing testcase per finding, named by rule and place, typed by severity', () => {
    const [suite] = parse(formatJunit(sampleResults(), context())).testsuite;
    expect(suite.testcase.map((test) => [test.classname, test.name])).toEqual([
      ['articles/back pain.md', 'heading-structure 3:1'],
      ['articles/back pain.md', 'no-absolute-claims 12:7'],
      ['articles/back pain.md', 'link-safety 120:33'],
    ]);
    const failures = suite.testcase.map((test) => test.failure![0]);
    expect(failures.map((failure) => failure.type)).toEqual(['error', 'warning', 'error']);
    expect(failures[1].message).toBe('"cures" is an absolute claim');
    expect(failures[2]['#text']).toContain('javascript:alert(1)');
  });

  it('gives a clean file one passing testcase', () => {
    const clean = parse(formatJunit(sampleResults(), context())).testsuite[2];
    expect(clean.testcase).toHaveLength(1);
    expect(clean.testcase[0].classname).toBe('articles/clean.md');
    expect(clean.testcase[0]).not.toHaveProperty('failure');
  });

  it('keeps line breaks in attributes', () => {
    const suites = parse(formatJunit(sampleResults(), context()));
    expect(suites.testsuite[1].testcase[0].failure![0].message).toBe('grade 11.2 > 8: 100% of\nthe words\r\nare long');
  });

  it('writes well-formed XML for any file name and message', () => {
    // UTF-16 units (lone surrogates included) and whole code points beyond the BMP.
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit }), fc.string({ unit }), (name, message) => {
        const file = `articles/${name.replace(/[/\\]/g, '_')}.md`;
        const xml = formatJunit([result(file, [{ ...diagnostic('link-safety', 2, 5), message }])], context());
        const suite = parse(xml).testsuite[0];
        const failure = suite.testcase[0].failure![0];
        // What XML cannot carry is replaced; everything else arrives as reported.
        expect(failure.message).toBe(message.replace(new RegExp(FORBIDDEN.source, 'g'), '\uFFFD'));
        expect(suite.name).toBe(file.replace(new RegExp(FORBIDDEN.source, 'g'), '\uFFFD'));
      }),
    );
  });

  it('is an empty testsuites element for no files', () => {
    const suites = parse(formatJunit([], context()));
    expect(suites.tests).toBe('0');
    expect(suites.testsuite ?? []).toEqual([]);
  });
});
