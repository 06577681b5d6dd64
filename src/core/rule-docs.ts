/** Where healthmd's documentation is published (the README, as the package page shows it). */
export const HOMEPAGE = 'https://www.npmjs.com/package/healthmd';

/** A rule's page, relative to the package root: docs/rules/<id>.md, shipped in the package. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

// The bundle's chunks sit in dist/, the source in src/core/: either way the package root is above.
const PACKAGE_ROOT = new URL(import.meta.url.includes('/dist/') ? '../' : '../../', import.meta.url);

/**
 * The address of a rule's page: the file inside the installed package. healthmd has no public
 * repository or site to link to, and an invented address would be a dead link in every report;
 * this one opens wherever healthmd is installed. One home, so `healthmd rules` and SARIF's
 * `helpUri` never disagree.
 */
export function ruleDocsUrl(ruleId: string): string {
  return new URL(ruleDocsPath(ruleId), PACKAGE_ROOT).href;
}
