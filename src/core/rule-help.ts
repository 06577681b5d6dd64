import { readFileSync } from 'node:fs';
import { ruleDocsUrl } from './rule-docs.js';

/** A rule's documentation as a report can carry it: the page up to its messages and examples, without the page's own title. */
export interface RuleHelp {
  markdown: string;
  text: string;
}

/**
 * Reads each rule's page (docs/rules/<id>.md, shipped in the package) for reports that carry their
 * own help, as SARIF does for code scanning: what the rule checks, why, and its options. A rule
 * without a readable page has none.
 */
export function readRuleHelp(ruleIds: readonly string[]): Record<string, RuleHelp> {
  const help: Record<string, RuleHelp> = {};
  for (const id of ruleIds) {
    let page: string;
    try {
      page = readFileSync(new URL(ruleDocsUrl(id)), 'utf8');
    } catch {
      continue;
    }
    help[id] = ruleHelp(page);
  }
  return help;
}

/** The part of a rule's page a report shows: after the title, before `## Messages`; HTML comments (section markers) left out. */
export function ruleHelp(page: string): RuleHelp {
  const body = page
    .replace(/\r\n/g, '\n')
    .replace(/^# [^\n]*\n+/, '')
    .split(/^## Messages\s*$/m)[0]
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const text = body.replace(/^#{1,6} +/gm, '').replace(/`([^`\n]*)`/g, '$1');
  return { markdown: body, text };
}
