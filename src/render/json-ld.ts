/**
 * Serializes structured data for a `<script type="application/ld+json">` element. The HTML parser
 * ends a script element at the first `</script`, whatever JSON thinks of it, so `<`, `>` and `&`
 * are written as JSON escapes; U+2028 and U+2029 are escaped too, for readers that treat JSON as
 * JavaScript. The result parses back to exactly the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface MedicalWebPageInput {
  url: string;
  headline: string;
  description: string;
  inLanguage: string;
  datePublished?: string;
  dateModified?: string;
  lastReviewed?: string;
  reviewedBy?: string;
  authors: readonly string[];
  condition?: string;
  image?: string;
  publisher: string;
}

/** The schema.org MedicalWebPage an article page describes itself with. */
export function medicalWebPage(input: MedicalWebPageInput): Record<string, unknown> {
  const person = (name: string) => ({ '@type': 'Person', name });
  const page: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    url: input.url,
    mainEntityOfPage: input.url,
    headline: input.headline,
    description: input.description,
    inLanguage: input.inLanguage,
  };
  if (input.datePublished) page.datePublished = input.datePublished;
  if (input.dateModified ?? input.datePublished) page.dateModified = input.dateModified ?? input.datePublished;
  if (input.lastReviewed) page.lastReviewed = input.lastReviewed;
  if (input.reviewedBy) page.reviewedBy = person(input.reviewedBy);
  page.author = input.authors.map(person);
  if (input.condition) page.about = { '@type': 'MedicalCondition', name: input.condition };
  if (input.image) page.image = input.image;
  page.publisher = { '@type': 'Organization', name: input.publisher };
  return page;
}
