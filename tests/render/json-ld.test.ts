import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medicalWebPage, serializeJsonLd } from '../../src/render/json-ld.js';

describe('serializeJsonLd', () => {
  it('cannot close its script element, whatever the strings hold', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script>', note: '<!-- & \u2028\u2029 -->' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>', note: '<!-- & \u2028\u2029 -->' });
  });

  it('round-trips any JSON value and never contains markup characters', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = serializeJsonLd(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('medicalWebPage', () => {
  it('describes the article with reviewer, authors and condition', () => {
    const page = medicalWebPage({
      url: 'https://example.org/articles/a/',
      headline: 'A',
      description: 'D',
      inLanguage: 'en-GB',
      datePublished: '2024-05-08',
      lastReviewed: '2025-01-02',
      reviewedBy: 'Dr R',
      authors: ['X', 'Y'],
      condition: 'asthma',
      publisher: 'Site',
    });
    expect(page).toMatchObject({
      '@type': 'MedicalWebPage',
      datePublished: '2024-05-08',
      dateModified: '2024-05-08',
      lastReviewed: '2025-01-02',
      reviewedBy: { '@type': 'Person', name: 'Dr R' },
      author: [
        { '@type': 'Person', name: 'X' },
        { '@type': 'Person', name: 'Y' },
      ],
      about: { '@type': 'MedicalCondition', name: 'asthma' },
      inLanguage: 'en-GB',
    });
  });

  it('leaves out what the article does not say', () => {
    const page = medicalWebPage({ url: 'u', headline: 'h', description: 'd', inLanguage: 'en', authors: [], publisher: 'p' });
    expect(page).not.toHaveProperty('about');
    expect(page).not.toHaveProperty('reviewedBy');
    expect(page).not.toHaveProperty('datePublished');
  });
});
