import type { Command } from 'commander';
import { settingOf, type RuleSeverity } from '../core/config.js';
import { ruleDocsPath, ruleDocsUrl } from '../core/rule-docs.js';
import { rules } from '../rules/index.js';
import type { AnyRule } from '../rules/types.js';
import type { Io } from './io.js';

/** What `healthmd rules --json` prints for each rule (scripts/rules-table.mjs reads it). */
export interface RuleSummary {
  id: string;
  /** The default severity as config writes it. */
  severity: Exclude<RuleSeverity, 'off'>;
  fatal: boolean;
  fixable: boolean;
  description: string;
  /** Message templates by id (`{{name}}` is filled in per finding). */
  messages: Record<string, string>;
  /** Each option with its default (null: not set, the config's own setting applies). */
  options: Record<string, unknown>;
  /** The rule's page in the package (docs/rules/<id>.md). */
  docs: string;
  /** Where the rule is documented on this machine (the file in the installed package). */
  url: string;
}

// Only the registry: no config, no rendering. The command answers "which ids exist?" instantly.
export function registerRules(program: Command, io: Io, _exit: { code: number }): Command {
  return program
    .command('rules')
    .description('list the lint rules with their default severity, whether --fix can fix them, and what they check')
    .option('--json', 'print the rules as JSON (id, severity, fatal, fixable, description, messages, options, docs, url)')
    .addHelpText(
      'after',
      `
Severities are defaults: change them under 'rules:' in healthmd.config.yaml or with
'healthmd lint --rule ID=off|warn|error'. A fatal finding always stops 'healthmd build'.

Examples:
  $ healthmd rules                                 the table
  $ healthmd rules --json                          for scripts and editors
  $ healthmd lint --rule readability-grade=off     turn one rule off for a run`,
    )
    .action((flags: { json?: boolean }) => {
      const summaries = rules.map(summarize);
      io.stdout(flags.json ? `${JSON.stringify(summaries, null, 2)}\n` : table(summaries));
    });
}

function summarize(rule: AnyRule): RuleSummary {
  return {
    id: rule.id,
    // In config's words (`warn`), to be copied into healthmd.config.yaml or a --rule flag.
    severity: settingOf(rule.severity),
    fatal: Boolean(rule.fatal),
    fixable: Boolean(rule.fixable),
    description: rule.description,
    messages: { ...rule.messages },
    options: optionDefaults(rule),
    docs: ruleDocsPath(rule.id),
    url: ruleDocsUrl(rule.id),
  };
}

function optionDefaults(rule: AnyRule): Record<string, unknown> {
  if (!rule.options) return {};
  const shape = (rule.options._zod.def as { shape?: Record<string, unknown> }).shape ?? {};
  const defaults = rule.options.parse({}) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(shape).map((key) => [key, defaults[key] ?? null]));
}

function table(summaries: RuleSummary[]): string {
  const rows = [
    ['RULE', 'DEFAULT', 'FIXABLE', 'CHECKS'],
    ...summaries.map((rule) => [rule.id, rule.fatal ? `${rule.severity}, fatal` : rule.severity, rule.fixable ? 'yes' : '', rule.description.replace(/\s+/g, ' ')]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
  // Every page sits in one folder; naming the folder once keeps the table readable.
  const folder = summaries[0] ? summaries[0].url.slice(0, summaries[0].url.lastIndexOf('/') + 1) : '';
  return `${lines.join('\n')}\n\nEach rule's page (what it checks and why, options, examples): ${folder}<rule>.md\n`;
}
