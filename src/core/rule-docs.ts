/** Where healthmd's documentation is published (the README, as the package page shows it). */
export const HOMEPAGE = 'https://www.npmjs.com/package/healthmd';

/**
 * The page that documents a rule: the README's rules table, where every rule id has its row.
 * One home for the address, so `healthmd rules --json` and SARIF's `helpUri` never disagree.
 */
export function ruleDocsUrl(_ruleId: string): string {
  return `${HOMEPAGE}#lint-rules`;
}
