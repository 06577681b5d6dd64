import { describe, expect, it } from 'vitest';
import { noRawHtml } from '../../src/rules/no-raw-html.js';
import { fixture, lintOne, summary } from './support/lint-with-rule.js';

const ID = noRawHtml.id;
const article = (body: string) => `---\ntitle: Diabetes\n---\n${body}`;
const allowHtml = { config: (c: { allowHtml: boolean }) => void (c.allowHtml = true) };

describe('no-raw-html', () => {
  it('passes comments, code blocks, inline code, autolinks and a bare < in prose', () => {
    expect(lintOne(ID, fixture(ID, 'ok.md'))).toEqual([]);
  });

  it('reports each element once, at its opening tag, block and inline', () => {
    expect(summary(lintOne(ID, fixture(ID, 'not-ok.md')))).toEqual([
      'raw-html@8:1',
      'raw-html@12:30',
      'raw-html@12:80',
      'raw-html@14:1',
      'raw-html@18:16',
      'raw-html@20:1',
      'raw-html@22:32',
    ]);
  });

  it('names the tag and spans it', () => {
    const [finding] = lintOne(ID, article('Watch: <iframe src="https://example.org/v"></iframe>\n'));
    expect(finding).toMatchObject({ messageId: 'raw-html', severity: 'error', line: 4, column: 8, endLine: 4, endColumn: 44 });
    expect(finding.message).toContain('<iframe>');
  });

  it('finds tags after a comment in the same HTML block', () => {
    expect(summary(lintOne(ID, article('<!-- healthmd-disable-next-line no-placeholder --> <marquee>Sale</marquee>\n')))).toEqual(['raw-html@4:52']);
  });

  it('reports declarations and processing instructions', () => {
    expect(summary(lintOne(ID, article('<!DOCTYPE html>\n\n<?php echo 1; ?>\n')))).toEqual(['raw-html@4:1', 'raw-html@6:1']);
  });

  it('with allowHtml, reports only what can run code or load content', () => {
    const body = '<details><summary>Symptoms</summary>\n\nThirst.\n\n</details>\n\n<p onclick="go()">Tap</p>\n\n<object data="x.swf"></object>\n';
    expect(summary(lintOne(ID, article(body), allowHtml))).toEqual(['active-html@10:1', 'active-html@12:1']);
    expect(summary(lintOne(ID, fixture(ID, 'not-ok.md'), allowHtml))).toEqual(['active-html@12:30', 'active-html@14:1', 'active-html@20:1']);
  });

  it('can be switched off for a passage with inline comments', () => {
    const body = '<!-- healthmd-disable no-raw-html -->\n<kbd>Ctrl</kbd>\n<!-- healthmd-enable no-raw-html -->\n\n<kbd>Alt</kbd>\n';
    expect(summary(lintOne(ID, article(body)))).toEqual(['raw-html@8:1']);
  });
});
