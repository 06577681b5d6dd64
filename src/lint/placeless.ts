import path from 'node:path';
import type { Article } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { LinkRef } from '../core/markdown.js';
import { localPath } from '../core/url-safety.js';

/**
 * Findings that are true only of a file at a known place: where its relative links and images lead,
 * and the URL its path gives it. Text linted from stdin without `--stdin-filename` has no place, so
 * these would be guesses from the working directory, not findings.
 */
const PLACE_FINDINGS: Record<string, readonly string[]> = {
  'internal-links': ['missing-file', 'outside-project'],
  'link-safety': ['image-missing', 'image-outside-project'],
  'unique-slug': ['duplicate-url'],
};

/** The links and images of an article that lead to a file beside it: what cannot be checked without its place. */
export function relativeTargets(article: Article): LinkRef[] {
  return article.links.filter((link) => localPath(link.href, path.dirname(article.path)) !== undefined);
}

/**
 * A filter for the findings of an article with no place: false for those that depend on where it is
 * (`#anchor` findings stay when the anchor is in the article itself).
 */
export function placeIndependent(article: Article): (ruleId: string, finding: Diagnostic) => boolean {
  const at = (place: { line: number; column: number }) => `${place.line}:${place.column}`;
  const relativeLinkStarts = new Set(relativeTargets(article).map((link) => at(article.place(link.start))));
  return (ruleId, finding) => {
    if (PLACE_FINDINGS[ruleId]?.includes(finding.messageId)) return false;
    return !(ruleId === 'internal-links' && finding.messageId === 'missing-anchor' && relativeLinkStarts.has(at(finding)));
  };
}
