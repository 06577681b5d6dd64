import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { noRawHtml } from '../../src/rules/no-raw-html.js';
import { fixture, lintOne, summary } from './support/lint-with-rule.js';

const ID = noRawHtml.id;
const article = (body: string) => `---\ntitle: Diabetes\n---\n${body}`;
const textMode = { config: (c: Config) => void (c.html = 'text') };
/** `messageId@line:column severity`, for assertions that care which findings stop a build. */
const graded = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.messageId}@${d.line}:${d.column} ${d.severity}`);

describe('no-raw-html', () => {
  it('passes comments, code blocks, inline code, autolinks and a bare < in prose', () => {
    expect(lintOne(ID, fixture(ID, 'ok.md'))).toEqual([]);
    expect(lintOne(ID, fixture(ID, 'ok.md'), textMode)).toEqual([]);
  });

  it('with html: sanitize (the default), errs on what no mode publishes and warns about the rest', () => {
    expect(graded(lintOne(ID, fixture(ID, 'not-ok.md')))).toEqual([
      'unlisted-html@8:1 warning', // <div class> (the class is removed)
      'active-html@12:30 error', // <span style>
      'raw-html@12:80 warning', // <br>
      'active-html@14:1 error', // <iframe>
      'raw-html@18:16 warning', // <b>
      'active-html@20:1 error', // <script>
      'raw-html@22:32 warning', // a stray </p>
      'raw-html@24:1 warning', // the <ul> block, its <li>s and its tel: and sms: links: one warning
      'active-html@26:45 error', // <a href="javascript:…">
    ]);
  });

  it('gives one warning per HTML block, spanning it and naming each kind of tag once', () => {
    const faq = '<details>\n<summary>Is it contagious?</summary>\n<p>No.</p>\n</details>\n<details>\n<summary>Can I work?</summary>\n<p>Yes.</p>\n</details>\n';
    const [warning, ...rest] = lintOne(ID, article(faq));
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ messageId: 'raw-html', severity: 'warning', line: 4, column: 1, endLine: 11, endColumn: 11 });
    expect(warning.message).toBe('Raw HTML <details>, <summary>, <p> is published as written; Markdown would be checked by every rule');
  });

  it('names what will be removed and what happens to the text', () => {
    const [script, handler, link, font, iframe] = lintOne(
      ID,
      article('<script>track()</script>\n\n<p onclick="go()">Tap</p>\n\n<a href="javascript:alert(1)">chat</a>\n\n<font color="red">Closed</font>\n\n<iframe src="https://example.org/v"></iframe>\n'),
    );
    expect(script.message).toContain('<script> is removed with its content');
    expect(handler.message).toContain('onclick (an event handler) is removed, the text kept');
    expect(link.message).toMatch(/href \(a javascript: URL runs code.*\) is removed/);
    expect(font).toMatchObject({ messageId: 'unlisted-html', severity: 'warning' });
    expect(font.message).toContain('<font> is not on the allowlist and is removed, its text kept');
    expect(iframe).toMatchObject({ messageId: 'active-html', severity: 'error', line: 12, column: 1, endLine: 12, endColumn: 37 });
    expect(iframe.message).toContain('a link to what it showed');
  });

  it('says a raw image the page cannot show is left out, its alt text in its place, not published as written', () => {
    const body = '<img src="missing.png" alt="Chart of flu cases">\n\n<img alt="Spine X-ray">\n\n<img src="gone.png">\n\n<img src="https://example.org/chart.png" alt="Chart">\n\n<img src="chart.png" alt="Local chart">\n';
    const findings = lintOne(ID, article(body), { files: ['articles/chart.png'] });
    expect(findings.map((d) => [d.line, d.severity, d.message])).toEqual([
      [4, 'warning', 'Raw HTML <img>: its file cannot be published (link-safety says why), so the image is left out, its alt text shown in its place; write Markdown to keep control of how it looks'],
      [6, 'warning', 'Raw HTML <img> has no src and is left out, its alt text shown in its place; write Markdown to keep control of how it looks'],
      [8, 'warning', 'Raw HTML <img>: its file cannot be published (link-safety says why), so the image is left out, nothing shown in its place (it has no alt text); write Markdown to keep control of how it looks'],
      [10, 'warning', 'Raw HTML <img> is published as written; Markdown would be checked by every rule'],
      [12, 'warning', 'Raw HTML <img> is published as written; Markdown would be checked by every rule'],
    ]);
  });

  it('warns about Markdown on the lines of an HTML block, which is printed as written, but not in <pre> or after a blank line', () => {
    const body = '<br>\n![Pollen grain](pollen.png){: .center}\n**Bold words**\n<br>\n\n<pre>\n**kept as written**\n</pre>\n\n<div>\n\n![Fine](ok.png)\n\n</div>\n';
    const findings = lintOne(ID, article(body)).filter((d) => d.messageId === 'markdown-in-html');
    expect(findings.map((d) => `${d.line}:${d.column}-${d.endColumn}`)).toEqual(['5:1-28', '6:1-15']);
    expect(findings[0].message).toBe(
      "Markdown inside an HTML block is printed as written, not read: '![Pollen grain](pollen.png)' (an HTML block runs to the next blank line); leave a blank line between the HTML and the Markdown",
    );
  });

  it('does not report tel: and sms: links as removed', () => {
    const findings = lintOne(ID, article('<p>Call <a href="tel:+1-800-273-8255">1-800-273-8255</a> or text <a href="sms:838255">838255</a>.</p>\n'));
    expect(findings.map((d) => [d.severity, d.message])).toEqual([['warning', 'Raw HTML <p>, <a> is published as written; Markdown would be checked by every rule']]);
  });

  it('with html: text, warns that the tags go and the words stay, and still errs on active content', () => {
    expect(graded(lintOne(ID, fixture(ID, 'not-ok.md'), textMode))).toEqual([
      'text-only@8:1 warning',
      'active-html@12:30 error', // style= is a style in any mode
      'text-only@12:80 warning',
      'active-html@14:1 error',
      'text-only@18:16 warning',
      'active-html@20:1 error',
      'text-only@22:32 warning',
      'text-only@24:1 warning',
      'active-html@26:45 error',
    ]);
    const [link] = lintOne(ID, article('<a href="tel:+1-800-273-8255">1-800-273-8255</a>\n'), textMode);
    expect(link.message).toContain('write it as a Markdown link');
  });

  it('finds tags after a comment in the same HTML block', () => {
    expect(summary(lintOne(ID, article('<!-- healthmd-disable-next-line no-placeholder --> <marquee>Sale</marquee>\n')))).toEqual(['unlisted-html@4:52']);
  });

  it('reports declarations and processing instructions as removed', () => {
    expect(graded(lintOne(ID, article('<!DOCTYPE html>\n\n<?php echo 1; ?>\n')))).toEqual(['active-html@4:1 error', 'active-html@6:1 error']);
  });

  it('can be switched off for a passage with inline comments', () => {
    const body = '<!-- healthmd-disable no-raw-html -->\n<kbd>Ctrl</kbd>\n<!-- healthmd-enable no-raw-html -->\n\n<kbd>Alt</kbd>\n';
    expect(summary(lintOne(ID, article(body)))).toEqual(['raw-html@8:1']);
  });
});
