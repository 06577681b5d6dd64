import { describe, expect, it } from 'vitest';
import { markdownText, MASK } from '../../../src/rules/util/markdown-text.js';
import { rawLocator } from '../../../src/rules/util/raw-locator.js';

/** The source character behind each text character: the map must point at the same letter. */
function mapsBack(raw: string): void {
  const { text, sourceIndex } = markdownText(raw);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === MASK) continue;
    expect(raw[sourceIndex(i)], `text[${i}] of ${JSON.stringify(raw)}`).toBe(text[i]);
  }
  expect(sourceIndex(text.length)).toBe(raw.length);
}

describe('markdownText', () => {
  it('returns plain text as it is', () => {
    const { text, sourceIndex } = markdownText('Rest your back.');
    expect(text).toBe('Rest your back.');
    expect(sourceIndex(5)).toBe(5);
  });

  it('drops emphasis, inline tags and link destinations, keeping link text and brackets', () => {
    expect(markdownText('A **miracle** _cure_ ~~now~~').text).toBe('A miracle cure now');
    expect(markdownText('See [the NHS page](https://www.nhs.uk/a_(b)) or <em>this</em>.').text).toBe('See [the NHS page] or this.');
    expect(markdownText('[[Describe the symptoms]]').text).toBe('[[Describe the symptoms]]');
    expect(markdownText('snake_case_name stays').text).toBe('snake_case_name stays');
    expect(markdownText('An escaped \\*star\\*').text).toBe('An escaped *star*');
  });

  it('masks inline code, HTML comments, autolinks and bare URLs so no phrase matches across them', () => {
    expect(markdownText('Use `TODO` here').text).toBe(`Use ${MASK} here`);
    expect(markdownText('A ``code with ` tick`` span').text).toBe(`A ${MASK} span`);
    expect(markdownText('Keep <!-- TODO: later --> going').text).toBe(`Keep ${MASK} going`);
    expect(markdownText('Mail <a@b.org> or see <https://x.org/TODO>').text).toBe(`Mail ${MASK} or see ${MASK}`);
    expect(markdownText('Go to https://x.org/XXX or www.example.org now').text).toBe(`Go to ${MASK} or ${MASK} now`);
    expect(markdownText('A lone ` backtick').text).toBe('A lone ` backtick');
  });

  it('closes link destinations and code spans as before when many never close', () => {
    expect(markdownText('[a]( [b](x) c').text).toBe('[a]( [b] c');
    expect(markdownText('[a](x (y) z) w').text).toBe('[a] w');
    expect(markdownText('[a](x \\) y) z').text).toBe('[a] z');
    expect(markdownText('[a](x\n\n) y').text).toBe('[a](x\n\n) y');
    expect(markdownText('`` a ` b ` c `` d').text).toBe(`${MASK} d`);
    expect(markdownText('``` a `` b ` c').text).toBe('``` a `` b ` c');
  });

  // Not a speed target (those are in npm run bench): a guard against a scan to the end of the text
  // for every opener, which took 116 s on the first input; linear work is well under a second.
  it.each([
    ['[a]( × 100,000', '[a]('.repeat(100_000)],
    ['[ × 100,000', '['.repeat(100_000)],
    ['](` × 100,000', '](`'.repeat(100_000)],
    ['`` ` × 50,000', '`` `'.repeat(50_000)],
  ])('stays linear on %s', (_label, raw) => {
    const started = performance.now();
    const { text } = markdownText(raw);
    expect(text.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('maps every kept character back to its place in the source', () => {
    for (const raw of [
      'A **miracle** _cure_ ~~now~~',
      'See [the page](https://x.org/a) and <b>bold</b> text',
      'Use `code` and \\_escaped\\_ and https://x.org/a then more',
      'Line one\nline **two**',
    ]) {
      mapsBack(raw);
    }
  });
});

describe('rawLocator', () => {
  it('maps straight through when the raw text is a slice of the body', () => {
    const body = 'Intro.\n\nA paragraph here.\n';
    expect(rawLocator(body, 'A paragraph here.', 8)(2)).toBe(10);
  });

  it('finds stripped list indentation and quote markers line by line', () => {
    const body = '- item one\n  continued TODO\n\n> quoted\n> second TODO\n';
    const list = rawLocator(body, 'item one\ncontinued TODO', 0);
    expect(body.slice(list(19), list(19) + 4)).toBe('TODO');
    const quote = rawLocator(body, 'quoted\nsecond TODO', body.indexOf('>'));
    expect(body.slice(quote(14), quote(14) + 4)).toBe('TODO');
  });
});
