import type { Article } from '../../core/article.js';
import type { Token } from 'marked';
import type { Heading } from '../../core/markdown.js';
import { matchesSection } from './match-section.js';

/**
 * The heading that stands for a named section (aliases and plurals allowed): the first matching
 * heading with content, else the first matching heading, else undefined.
 */
export function findSection(article: Article, name: string): Heading | undefined {
  const matches = article.headings.filter((heading) => matchesSection(heading.text, name));
  return matches.find(sectionHasContent) ?? matches[0];
}

/**
 * True when a section holds something a reader sees. Blank lines, link definitions, HTML comments
 * (inline lint control lives in them), rules (---) and sub-headings without content of their own
 * do not count.
 */
export function sectionHasContent(heading: Heading): boolean {
  return heading.section.some(isContent);
}

function isContent(token: Token): boolean {
  switch (token.type) {
    case 'space':
    case 'def':
    case 'heading':
    case 'hr':
      return false;
    case 'html':
      return !/^\s*<!--[\s\S]*-->\s*$/.test(token.raw);
    default:
      return token.raw.trim() !== '';
  }
}
