// Writes docs/rules/<id>.md for every rule from the registry (`healthmd rules --json`) and the rule's
// fixtures (tests/fixtures/<id>/ok.md and not-ok.md), so the examples a page shows are the files the
// tests lint. What only a person can write (what the rule is for, the standard behind it) lives in
// the page itself, between the `why` markers, and is kept as it is.
//
//   node scripts/rule-docs.mjs           rewrite the pages
//   node scripts/rule-docs.mjs --check   exit 1 when a page is out of date (for CI)
//
// Run `npm run build:cli` first when src/rules/ changed. Exit codes: 0 done or up to date, 1 out of
// date or a page without its `why` section, 2 the CLI could not be run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(REPO, 'docs', 'rules');
const FIXTURES = path.join(REPO, 'tests', 'fixtures');
const WHY_START = '<!-- why:start -->';
const WHY_END = '<!-- why:end -->';

const check = process.argv.includes('--check');
const child = spawnSync(process.execPath, [path.join(REPO, 'bin', 'healthmd.js'), 'rules', '--json'], { cwd: REPO, encoding: 'utf8' });
if (child.status !== 0) {
  process.stderr.write(`rule-docs: 'healthmd rules --json' failed (run npm run build:cli first): ${child.stderr}`);
  process.exit(2);
}
const rules = JSON.parse(child.stdout);
let stale = 0;
let missing = 0;
mkdirSync(DOCS, { recursive: true });
for (const rule of rules) {
  const file = path.join(DOCS, `${rule.id}.md`);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const why = between(old, WHY_START, WHY_END);
  if (why === undefined) {
    process.stderr.write(`rule-docs: ${path.relative(REPO, file)} has no ${WHY_START} … ${WHY_END} section: write what the rule is for there\n`);
    missing++;
    continue;
  }
  const page = render(rule, why);
  if (page === old) continue;
  stale++;
  if (check) process.stderr.write(`rule-docs: ${path.relative(REPO, file)} is out of date: run npm run rule-docs\n`);
  else writeFileSync(file, page);
}
process.exit(missing > 0 || (check && stale > 0) ? 1 : 0);

function between(text, start, end) {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  return from === -1 || to === -1 ? undefined : text.slice(from + start.length, to).trim();
}

/** A fenced block long enough that no backtick run inside closes it. */
function fenced(text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}markdown\n${text}${text.endsWith('\n') ? '' : '\n'}${fence}`;
}

function render(rule, why) {
  const defaults = [rule.severity, rule.fatal ? 'fatal' : '', rule.fixable ? 'fixable with --fix' : ''].filter(Boolean).join(', ');
  const options = Object.entries(rule.options);
  const lines = [
    `# ${rule.id}`,
    '',
    `${rule.description}.`,
    '',
    `Default: ${defaults}. Change it under \`rules:\` in healthmd.config.yaml (\`${rule.id}: off\`, or \`{severity, options}\`), or for one run with \`healthmd lint --rule ${rule.id}=off\`.`,
    '',
    WHY_START,
    why,
    WHY_END,
    '',
    '## Options',
    '',
    options.length === 0
      ? 'None. Any option given in the config is refused when it loads.'
      : ['| option | default |', '|---|---|', ...options.map(([name, value]) => `| \`${name}\` | ${value === null ? 'not set' : `\`${JSON.stringify(value)}\``} |`)].join('\n'),
    '',
    '## Messages',
    '',
    'Each finding names its message id (`healthmd lint --format json` shows it as `messageId`); `{{…}}` is filled in per finding.',
    '',
    ...Object.entries(rule.messages).map(([id, template]) => `- \`${id}\`: ${template.replace(/\|/g, '\\|')}`),
    '',
    '## Examples',
    '',
    `These are the rule's test fixtures, \`tests/fixtures/${rule.id}/\`: the tests lint them, so they stay true.`,
    '',
    `### Passes (ok.md)`,
    '',
    fenced(readFileSync(path.join(FIXTURES, rule.id, 'ok.md'), 'utf8')),
    '',
    `### Reported (not-ok.md)`,
    '',
    fenced(readFileSync(path.join(FIXTURES, rule.id, 'not-ok.md'), 'utf8')),
    '',
  ];
  return lines.join('\n');
}
