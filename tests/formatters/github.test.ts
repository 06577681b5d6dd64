import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/formatters/github.js';
import { CWD, context, diagnostic, result, sampleResults } from './sample-results.js';

interface Annotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

// How the Actions runner reads a workflow command.
function decode(value: string, property: boolean): string {
  const codes: Record<string, string> = { '%0D': '\r', '%0A': '\n', ...(property ? { '%3A': ':', '%2C': ',' } : {}), '%25': '%' };
  return value.replace(/%(0D|0A|3A|2C|25)/g, (code) => codes[code] ?? code);
}

function parse(line: string): Annotation {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries(
    match[2].split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), decode(pair.slice(at + 1), true)];
    }),
  );
  return { command: match[1], properties, message: decode(match[3], false) };
}

function lines(output: string): string[] {
  expect(output.endsWith('\n')).toBe(true);
  return output.slice(0, -1).split('\n');
}

describe('formatGithub', () => {
  it('prints nothing when there is nothing to report', () => {
    expect(formatGithub([], context())).toBe('');
    expect(formatGithub([result('a.md', [])], context())).toBe('');
  });

  it('writes one annotation per finding, with place, rule and severity', () => {
    const annotations = lines(formatGithub(sampleResults(), context())).map(parse);
    expect(annotations).toHaveLength(5);
    expect(annotations[0]).toEqual({
      command: 'error',
      properties: { file: 'articles/back pain.md', line: '3', col: '1', endLine: '3', endColumn: '14', title: 'heading-structure' },
      message: 'remove the body H1: the title is the H1.',
    });
    expect(annotations[1].command).toBe('warning');
    expect(annotations[2].properties).toEqual({ file: 'articles/back pain.md', line: '120', col: '33', title: 'link-safety' });
    expect(Object.keys(annotations[0].properties)).toEqual(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
  });

  it('escapes what the runner would otherwise misread', () => {
    const output = lines(formatGithub(sampleResults(), context()));
    expect(output[3]).toContain('file=articles/ünïcode #1%2C draft%3A v2.md,');
    expect(output[3]).toMatch(/::grade 11\.2 > 8: 100%25 of%0Athe words%0D%0Aare long$/);
    expect(parse(output[3]).message).toBe('grade 11.2 > 8: 100% of\nthe words\r\nare long');
  });

  it('round-trips any file name and message through the runner’s decoding', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => !s.includes('/') && !s.includes('\\')), fc.string(), (name, message) => {
        const file = path.join(CWD, name);
        const [line, ...rest] = lines(formatGithub([result(name, [{ ...diagnostic('link-safety', 4, 2), message }])], context()));
        expect(rest).toEqual([]);
        const annotation = parse(line);
        expect(annotation.properties.file).toBe(path.relative(CWD, file));
        expect(annotation.message).toBe(message);
      }),
    );
  });
});
