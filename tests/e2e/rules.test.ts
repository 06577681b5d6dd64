import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempProject } from './helpers.js';

/** The rule ids of the README's rules table, in its order. */
const IDS = [
  'front-matter-valid',
  'front-matter-schema',
  'required-sections',
  'treatment-headings',
  'disclaimer-present',
  'review-current',
  'sources-present',
  'heading-structure',
  'no-placeholder',
  'no-absolute-claims',
  'readability-grade',
  'description-length',
  'image-alt',
  'link-safety',
  'no-raw-html',
  'internal-links',
  'unique-slug',
];

interface RuleSummary {
  id: string;
  severity: string;
  fatal: boolean;
  fixable: boolean;
  description: string;
  messages: Record<string, string>;
  options: Record<string, unknown>;
  docs: string;
  url: string;
}

const SCRIPT = path.join(REPO, 'scripts', 'rules-table.mjs');

async function rulesTable(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  if (!existsSync(path.join(REPO, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `node scripts/bundle.mjs` first');
});

describe('healthmd rules', () => {
  let summaries: RuleSummary[];

  beforeAll(async () => {
    const { code, stdout } = await runCli(['rules', '--json']);
    expect(code).toBe(0);
    summaries = JSON.parse(stdout);
  });

  it('--json lists every rule of the README table, in its order, with its settings', () => {
    expect(summaries.map((rule) => rule.id)).toEqual(IDS);
    for (const rule of summaries) {
      expect(Object.keys(rule)).toEqual(['id', 'severity', 'fatal', 'fixable', 'description', 'messages', 'options', 'docs', 'url']);
      // The rule's page inside the installed package: there is no public site to link to instead.
      expect(rule.docs).toBe(`docs/rules/${rule.id}.md`);
      expect(rule.url).toBe(pathToFileURL(path.join(REPO, rule.docs)).href);
      expect(existsSync(fileURLToPath(rule.url))).toBe(true);
      expect(['error', 'warn']).toContain(rule.severity);
      expect(typeof rule.fatal).toBe('boolean');
      expect(typeof rule.fixable).toBe('boolean');
      expect(typeof rule.description).toBe('string');
      for (const text of Object.values(rule.messages)) expect(typeof text).toBe('string');
    }
    const frontMatterValid = summaries[0];
    expect(frontMatterValid).toMatchObject({ fatal: true, severity: 'error' });
    // The README's defaults: three advisory rules, two fatal ones.
    expect(summaries.filter((rule) => rule.severity === 'warn').map((rule) => rule.id)).toEqual(['no-absolute-claims', 'readability-grade', 'description-length']);
    expect(summaries.filter((rule) => rule.fatal).map((rule) => rule.id)).toEqual(['front-matter-valid', 'unique-slug']);
    expect(summaries.filter((rule) => rule.fixable).map((rule) => rule.id)).toEqual(['disclaimer-present', 'heading-structure']);
    expect(Object.keys(frontMatterValid.messages)).toContain('unclosed');
  });

  it('prints a table with one row per rule: id, default severity, fixable, description', async () => {
    const { code, stdout, stderr } = await runCli(['rules']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [table, pages] = stdout.trimEnd().split('\n\n');
    const [header, ...rows] = table.split('\n');
    expect(pages).toBe(`Each rule's page (what it checks and why, options, examples): ${pathToFileURL(path.join(REPO, 'docs/rules'))}/<rule>.md`);
    expect(header.split(/\s{2,}/)).toHaveLength(4);
    expect(rows.map((row) => row.split(' ')[0])).toEqual(IDS);
    rows.forEach((row, i) => {
      const rule = summaries[i];
      const severity = row.slice(header.indexOf(header.split(/\s{2,}/)[1])).split(/\s{2,}/)[0];
      expect(severity).toBe(rule.fatal ? `${rule.severity}, fatal` : rule.severity);
      expect(row.endsWith(rule.description)).toBe(true);
    });
  });

  it('has help with examples', async () => {
    const { code, stdout } = await runCli(['rules', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--json');
    expect(stdout).toMatch(/Examples:\n\s+\$ healthmd rules/);
  });

  it('refuses an unknown option with exit 2', async () => {
    const { code, stderr } = await runCli(['rules', '--yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('--yaml');
  });
});

describe('scripts/rules-table.mjs', () => {
  it("keeps the README's rules table in step with the registry", async () => {
    const check = await rulesTable(['--check'], REPO);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  const README = ['# healthmd', '', '## Rules', '', '<!-- rules-table:start -->', '| stale | table |', '<!-- rules-table:end -->', '', '## Exit codes', ''].join('\n');

  it('--check fails on a stale table, the rewrite fixes it, and --check then passes', async () => {
    const dir = tempProject({ 'README.md': README });
    const readme = path.join(dir, 'README.md');

    const stale = await rulesTable(['--check', '--readme', readme], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('README.md:5:');
    expect(readFileSync(readme, 'utf8')).toBe(README);

    const write = await rulesTable(['--readme', readme], dir);
    expect(write.code).toBe(0);
    const updated = readFileSync(readme, 'utf8');
    expect(updated.startsWith('# healthmd\n\n## Rules\n\n<!-- rules-table:start -->\n| Rule |')).toBe(true);
    expect(updated.endsWith('|\n<!-- rules-table:end -->\n\n## Exit codes\n')).toBe(true);
    expect(updated).not.toContain('stale');
    const rows = updated.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => /^\| `([a-z-]+)`/.exec(row)![1])).toEqual(IDS);
    expect(rows[0]).toMatch(/^\| `front-matter-valid` \| error, fatal \|/);

    expect((await rulesTable(['--check', '--readme', readme], dir)).code).toBe(0);

    // One rule's row edited by hand is staleness too.
    writeFileSync(readme, updated.replace('| `image-alt` | error |', '| `image-alt` | warn |'));
    expect((await rulesTable(['--check', '--readme', readme], dir)).code).toBe(1);
  });

  it('without markers writes nothing: prints the table, and --check fails', async () => {
    const plain = '# healthmd\n\nNo table here.\n';
    const dir = tempProject({ 'README.md': plain });
    const readme = path.join(dir, 'README.md');

    const printed = await rulesTable(['--readme', readme], dir);
    expect(printed.code).toBe(0);
    expect(printed.stdout.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(IDS.length);
    expect(readFileSync(readme, 'utf8')).toBe(plain);

    const checked = await rulesTable(['--check', '--readme', readme], dir);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('rules-table:start');
    expect(readFileSync(readme, 'utf8')).toBe(plain);
  });
});
