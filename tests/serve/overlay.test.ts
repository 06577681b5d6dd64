import { describe, expect, it } from 'vitest';
import { renderOverlay, type OverlayFinding } from '../../src/serve/overlay.js';
import { attr, byTag, elements, hasClass, parseHtml, text } from '../site/support/html.js';

const finding = (over: Partial<OverlayFinding> = {}): OverlayFinding => ({
  source: 'sources-present',
  severity: 'error',
  file: 'articles/back-pain.md',
  line: 12,
  column: 1,
  message: 'Add a Sources section',
  ...over,
});

function page(overlay: string) {
  return parseHtml(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>T</h1></main>${overlay}</body></html>`);
}

describe('renderOverlay', () => {
  it('lists each finding with its rule, place and message in a labelled, dismissible aside', () => {
    const doc = page(renderOverlay({ findings: [finding(), finding({ source: 'readability-grade', severity: 'warning', line: 30, column: 4, message: 'Grade 11' })], version: 3, instance: 'abc123' }));
    const aside = elements(doc).find((e) => attr(e, 'id') === 'healthmd-overlay')!;
    expect(aside.tagName).toBe('aside');
    const heading = byTag(aside, 'h2')[0];
    expect(attr(aside, 'aria-labelledby')).toBe(attr(heading, 'id'));
    expect(text(heading)).toContain('articles/back-pain.md');
    const items = byTag(aside, 'li');
    expect(items.map((li) => attr(li, 'data-rule'))).toEqual(['sources-present', 'readability-grade']);
    expect(items.map((li) => attr(li, 'data-line'))).toEqual(['12', '30']);
    expect(hasClass(items[1], 'healthmd-finding--warning')).toBe(true);
    expect(text(items[1])).toContain('articles/back-pain.md:30:4');
    expect(text(items[1])).toContain('Grade 11');
    const close = byTag(aside, 'button')[0];
    expect(attr(close, 'type')).toBe('button');
    expect(attr(close, 'aria-label')).toBeTruthy();
    const reopen = elements(doc).find((e) => attr(e, 'id') === 'healthmd-overlay-reopen')!;
    expect(attr(reopen, 'hidden')).toBe('');
  });

  it('escapes what the findings say', () => {
    const html = renderOverlay({ findings: [finding({ message: '<img src=x onerror=alert(1)> & "quotes"', file: 'articles/<b>.md' })], version: 1, instance: 'abc123' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
  });

  it('counts files when findings come from several, and names a finding without a line by its file alone', () => {
    const doc = page(renderOverlay({ findings: [finding(), finding({ file: 'templates/article.liquid', source: 'template', line: undefined, column: undefined })], version: 1, instance: 'abc123' }));
    expect(text(byTag(doc, 'h2')[0])).toMatch(/\b2 errors\b.*\b2 files\b/);
    const second = byTag(doc, 'li')[1];
    expect(attr(second, 'data-line')).toBeUndefined();
    expect(text(second)).toContain('templates/article.liquid');
  });

  it('adds only the reload script, with the page version, when there is nothing to show', () => {
    const doc = page(renderOverlay({ findings: [], version: 7, instance: 'abc123' }));
    expect(elements(doc).some((e) => e.tagName === 'aside' || e.tagName === 'link')).toBe(false);
    const scripts = byTag(doc, 'script');
    expect(scripts).toHaveLength(1);
    expect(attr(scripts[0], 'data-version')).toBe('7');
    expect(attr(scripts[0], 'data-instance')).toBe('abc123');
    expect(renderOverlay({ findings: [], version: 7, instance: 'abc123' })).toContain('new EventSource(');
  });

  it('gives the panel a signature that changes with the findings, so a dismissal lasts until they change', () => {
    const signature = (findings: OverlayFinding[]) => /data-signature="([0-9a-f]+)"/.exec(renderOverlay({ findings, version: 1, instance: 'abc123' }))?.[1];
    expect(signature([finding()])).toBe(signature([finding()]));
    expect(signature([finding()])).not.toBe(signature([finding({ line: 13 })]));
  });
});
