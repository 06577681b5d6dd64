import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingWords, prefixTree } from '../../../src/rules/util/leading-words.js';

describe('leadingWords', () => {
  it('reads the words up to the first white space, through groups, options and classes', () => {
    expect(leadingWords(String.raw`(?:will|can)\s+cure|cures?\s+(?:all)`).sort()).toEqual(['can ', 'cure ', 'cures ', 'will ']);
    expect(leadingWords(String.raw`normali[sz]es?\s+x`).sort()).toEqual(['normalise ', 'normalises ', 'normalize ', 'normalizes ']);
    expect(leadingWords(String.raw`(?<cure>Miracle\s+cures?)`)).toEqual(['miracle ']);
  });

  it('stops before what it does not read, and skips what takes no width', () => {
    expect(leadingWords(String.raw`eliminat\w*\s+x`)).toEqual(['eliminat']);
    expect(leadingWords(String.raw`[a-z]+itis`)).toEqual(['']);
    expect(leadingWords(String.raw`(?:ab){1,2}c`)).toEqual(['']);
    expect(leadingWords(String.raw`cures\s*(?!for)`)).toEqual(['cures']);
    expect(leadingWords(String.raw`\bno(?![a-z])\s+risk`)).toEqual(['no ']);
    expect(leadingWords(String.raw`100\s*(?:%|percent)`)).toEqual(['100']);
    expect(leadingWords(String.raw`sure[- ]?fire`).sort()).toEqual(['sure fire', 'sure-fire', 'surefire']);
    expect(leadingWords(String.raw`\u00e9t\.e`)).toEqual(['']);
    expect(leadingWords(String.raw`a\.b`)).toEqual(['a.b']);
  });
});

describe('prefixTree', () => {
  it('writes shared beginnings once and lets a word that starts another stand for both', () => {
    expect(prefixTree(['can ', 'cure', 'cures ', 'will '])).toBe(String.raw`(?:c(?:an\s|ure)|will\s)`);
    expect(prefixTree(['a', ''])).toBe('');
    expect(prefixTree(['a-b'])).toBe(String.raw`a\-b`);
  });

  it('matches wherever the pattern it was read from matches (a property over phrases and texts)', () => {
    const sources = [
      String.raw`(?:(?:you|we)['’]ll|will|can|guaranteed\s+to)\s+cure`,
      String.raw`cures\s+(?!(?:for|are)\b)(?:your|you|(?:[a-z'-]+\s+){0,2}pain)`,
      String.raw`cure[- ]alls?|panaceas?|miracle\s+(?:cures?|pills?)`,
      String.raw`(?:eliminat(?:e|es|ed)|gets?\s+rid\s+of|ends?)\s+(?:[a-z]+\s+){0,4}?(?:forever|for\s+good)|gone\s+forever`,
      String.raw`(?:100|one\s+hundred)\s*(?:%|percent)\s+(?:effective|safe)`,
      String.raw`(?:works|cures)[^.;!?]{0,60}?without\s+fail|normali[sz]es?`,
      String.raw`(?:no|zero|without(?:\s+any)?)\s+(?:harmful\s+)?side[- ]effects?|risk[- ]free`,
    ];
    const words = ['will', 'cure', 'cures', 'can', 'you', "you'll", 'we’ll', 'guaranteed', 'to', 'your', 'pain', 'for', 'are', 'cure-all', 'panacea', 'miracle', 'pills', 'eliminated', 'gets', 'get', 'rid', 'of', 'end', 'ends', 'forever', 'good', 'gone', '100', '%', 'one', 'hundred', 'percent', 'effective', 'works', 'without', 'fail', 'normalises', 'normalize', 'no', 'zero', 'any', 'harmful', 'side', 'effects', 'side-effects', 'risk-free', 'risk', 'free', 'Cure', 'WILL', '.'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 8 }).chain((parts) => fc.constantFrom(' ', '  ', '\n').map((gap) => parts.join(gap)));
    fc.assert(
      fc.property(fc.constantFrom(...sources), text, (source, subject) => {
        const plain = new RegExp(`(?:${source})`, 'iy');
        const filtered = new RegExp(`(?=${prefixTree(leadingWords(source))})(?:${source})`, 'iy');
        expect(filtered.exec(subject)?.[0]).toBe(plain.exec(subject)?.[0]);
      }),
      { numRuns: 3000 },
    );
  });
});
