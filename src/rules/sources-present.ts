import type { Article } from '../core/article.js';
import { articleTypeName } from '../core/article-info.js';
import type { Heading } from '../core/markdown.js';
import { matchesSection } from './util/match-section.js';
import { defineRule } from './types.js';
import { typeNeedsSection } from './util/applies-to.js';
import { PLACEHOLDER_PATTERN } from './no-placeholder.js';

const URL = /\bhttps?:\/\/(?:[\w-]+\.)+[a-z]{2,}\b/i;
const DOI = /\b10\.\d{4,9}\/\S+/;
const PMID = /\bPMID:?\s*\d{1,8}\b/i;
/**
 * A journal citation written out, as reference lists and PubMed print them: year, volume, optional
 * issue, pages or article number ("2003;348(11):977-85", "2020;395:497–506", "2019; 321(6): 560-9",
 * "2018;360:k322", "2020 Feb 15;395(10223):497-506"), or an issue without a volume ("2019;(4):CD011234",
 * as Cochrane reviews are cited).
 */
const JOURNAL =
  /\b(?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*(?:\d{1,5}\s*(?:\(\s*[\w-]{1,12}\s*\))?|\(\s*[\w-]{1,12}\s*\))\s*:\s*[a-z]{0,3}\d{1,9}(?:\s*[-–]\s*[a-z]?\d{1,6})?\b/i;
/**
 * The same in APA and Harvard style: the year in brackets, then the title and the journal, its
 * volume, optional issue, and pages or article number ("(2007). … Medicine, 357(3), 266–281",
 * "(2019) … Research, 28(2), e12345").
 */
const JOURNAL_APA = /\((?:19|20)\d{2}[a-z]?\)\.?\s[^\n]{3,300}?,\s*\d{1,5}\s*(?:\(\s*[\w-]{1,12}\s*\))?\s*,\s*[a-z]{0,3}\d{1,9}(?:\s*[-–]\s*[a-z]?\d{1,6})?\b/i;
/**
 * A line that starts with an author's surname and initials, as reference lists write them, and
 * gives a year: a paper, even without its volume. Vancouver style names the title and the
 * journal before the year ("Holick MF. Vitamin D deficiency. N Engl J Med. 2007."), APA and
 * Harvard put the year in brackets after the authors ("Holick, M. F. (2007)."); "Our GP, 2019"
 * is neither.
 */
const AUTHORS_AND_YEAR =
  /^[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?[\p{Lu}][\p{L}'’-]+(?:[ \t]+\p{Lu}{1,3}[,.][^\n]*?\.\s[^\n]*?\.\s?[^\n]*?\b(?:19|20)\d{2}\b|,?[ \t]+(?:\p{Lu}\.[ \t]?){1,3}[^\n]*?\((?:19|20)\d{2}[a-z]?\))/mu;

/** Medical articles cite their sources: a Sources/References section with a URL, a DOI, a PMID or a journal citation. */
export const sourcesPresent = defineRule({
  id: 'sources-present',
  description: 'Medical articles have a Sources/References section citing at least one source (URL, DOI, PMID or a journal citation)',
  severity: 'error',
  messages: {
    missing:
      "No Sources section (type '{{type}}' needs one): add '## Sources' citing where the health information comes from (a link, a DOI, a PMID or a journal citation)",
    'no-citation':
      "The '{{heading}}' section cites no source: add a link (https://…), a DOI (10.1000/xyz), a PMID (PMID: 12345678) or the journal citation (N Engl J Med 2003;348(11):977-85) for each source",
  },
  check({ article, config, report }) {
    if (!typeNeedsSection(article, config, 'Sources')) return;
    const headings = article.headings.filter((heading) => matchesSection(heading.text, 'Sources'));
    if (headings.length === 0) {
      report({ messageId: 'missing', data: { type: articleTypeName(article, config) }, at: { key: ['type', 'title'] } });
      return;
    }
    if (headings.some((heading) => citesSource(article, heading) || awaitsSources(article, heading))) return;
    report({ messageId: 'no-citation', data: { heading: headings[0].text }, at: { start: headings[0].start } });
  },
});

function citesSource(article: Article, heading: Heading): boolean {
  // Reference-style links resolve to their definitions, wherever those stand.
  const linked = article.links.some(
    (link) => link.kind === 'link' && link.start >= heading.end && link.start < heading.sectionEnd && (URL.test(link.href) || DOI.test(link.href)),
  );
  if (linked) return true;
  // What a comment says is not shown to readers, so a URL in one cites nothing.
  const text = article.body.slice(heading.end, heading.sectionEnd).replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  return URL.test(text) || DOI.test(text) || PMID.test(text) || JOURNAL.test(text) || JOURNAL_APA.test(text) || AUTHORS_AND_YEAR.test(text);
}

/** A scaffold's `[[Add a source…]]` marker: no-placeholder already reports the section as unwritten. */
function awaitsSources(article: Article, heading: Heading): boolean {
  return PLACEHOLDER_PATTERN.test(article.body.slice(heading.end, heading.sectionEnd));
}
