// Writes the README's rules table from the registry, so the documentation cannot drift from the code.
//
//   node scripts/rules-table.mjs                 rewrite the table between the markers in README.md
//   node scripts/rules-table.mjs --check         exit 1 when README.md's table is out of date (for CI)
//   node scripts/rules-table.mjs --readme FILE   another file than README.md
//
// The rules come from `healthmd rules --json`, the same data users see, through the bundled CLI:
// run `npm run build:cli` first when src/rules/ changed. Without the markers nothing is written and
// the table is printed instead. Exit codes: 0 done or up to date, 1 out of date or no markers,
// 2 the CLI could not be run or the arguments are wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin', 'healthmd.js');
const BUNDLE = path.join(REPO, 'dist', 'cli.cjs');

function fail(message, code) {
  process.stderr.write(`rules-table: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const options = { check: false, readme: path.join(REPO, 'README.md') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') options.check = true;
    else if (argv[i] === '--readme' && argv[i + 1]) options.readme = path.resolve(argv[++i]);
    else fail(`unknown argument '${argv[i]}'; usage: node scripts/rules-table.mjs [--check] [--readme FILE]`, 2);
  }
  return options;
}

function readRules() {
  if (!existsSync(BUNDLE)) fail(`${path.relative(process.cwd(), BUNDLE)} is missing; run 'npm run build:cli' first`, 2);
  warnIfStale();
  const child = spawnSync(process.execPath, [BIN, 'rules', '--json'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (child.status !== 0) fail(`'healthmd rules --json' exited with ${child.status ?? child.signal}: ${child.stderr.trim()}`, 2);
  try {
    return JSON.parse(child.stdout);
  } catch (error) {
    fail(`'healthmd rules --json' printed something that is not JSON (${error.message})`, 2);
  }
}

// A bundle older than the rules would write yesterday's table; say so rather than guess.
function warnIfStale() {
  const built = statSync(BUNDLE).mtimeMs;
  const rulesDir = path.join(REPO, 'src', 'rules');
  const newer = readdirSync(rulesDir).filter((name) => statSync(path.join(rulesDir, name)).mtimeMs > built);
  if (newer.length > 0) process.stderr.write(`rules-table: warning: src/rules/${newer[0]} is newer than dist/cli.cjs; run 'npm run build:cli' for an up-to-date table\n`);
}

function cell(text) {
  return String(text).replace(/\s*\r?\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function markdownTable(rules) {
  const rows = rules.map((rule) => {
    const severity = rule.fatal ? `${rule.severity}, fatal` : rule.severity;
    return `| \`${rule.id}\` | ${severity} | ${rule.fixable ? 'yes' : ''} | ${cell(rule.description)} |`;
  });
  return ['| Rule | Default | Fixable | What it checks |', '|---|---|---|---|', ...rows, ''].join('\n');
}

/** The README with its table replaced, or a reason it cannot be. */
function withTable(readme, table) {
  const start = readme.indexOf(START);
  if (start === -1) return { problem: `has no ${START} marker` };
  const end = readme.indexOf(END, start + START.length);
  const line = readme.slice(0, start).split('\n').length;
  if (end === -1) return { problem: `${line}: ${START} has no ${END} after it`, line };
  const eol = readme.includes('\r\n') ? '\r\n' : '\n';
  const body = `${eol}${table.replace(/\n/g, eol)}`;
  return { text: readme.slice(0, start + START.length) + body + readme.slice(end), line };
}

const options = parseArgs(process.argv.slice(2));
const table = markdownTable(readRules());
const shown = path.relative(process.cwd(), options.readme) || options.readme;
const readme = existsSync(options.readme) ? readFileSync(options.readme, 'utf8') : undefined;
const updated = readme === undefined ? { problem: 'does not exist' } : withTable(readme, table);

if (updated.problem) {
  if (options.check) fail(`${shown}: ${updated.problem}; add ${START} and ${END} where the rules table belongs`, 1);
  if (updated.line) fail(`${shown}:${updated.problem}`, 1);
  process.stderr.write(`rules-table: ${shown} ${updated.problem}; printing the table instead\n`);
  process.stdout.write(table);
} else if (updated.text === readme) {
  process.stdout.write(`${shown}: the rules table is up to date\n`);
} else if (options.check) {
  fail(`${shown}:${updated.line}: the rules table is out of date; run 'npm run rules-table' and commit the result`, 1);
} else {
  writeFileSync(options.readme, updated.text);
  process.stdout.write(`${shown}: rules table updated\n`);
}
