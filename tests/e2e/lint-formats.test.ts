import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import friendly from 'eslint-formatter-friendly';
import { XMLParser } from 'fast-xml-parser';
import pty from 'node-pty';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BIN, REPO, runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

/**
 * One article with findings of every length: a body H1 and filler text (short messages), no
 * disclaimer (a long one) and a miracle cure (a warning).
 */
const ARTICLE = `---
title: Staying Active With Back Pain
description: Simple ways to keep moving when your back hurts, and when to ask your doctor for help.
date: 2024-05-08
author: Sam Lee
reviewedBy: "Dr Ann Bell, MRCGP"
lastReviewed: 2024-05-10
---
# Staying active

Most back pain gets better in a few weeks. Keep moving as much as you can. A short walk each day
is a miracle cure. Lorem ipsum.

## Sources

- NHS. [Back pain](https://www.nhs.uk/conditions/back-pain/).
`;

const project = () => tempProject({ 'articles/back-pain.md': ARTICLE });
const lint = (cwd: string, args: string[]) => runCli(['lint', ...args], { cwd, env: NOW });

interface EslintResult {
  filePath: string;
  messages: { ruleId: string; severity: number; line: number; column: number }[];
  errorCount: number;
  warningCount: number;
}

describe('json is ESLint\'s JSON', () => {
  it('reads in a real ESLint formatter (eslint-formatter-friendly): errors as errors, warnings as warnings, each at its line of the file', async () => {
    const dir = project();
    const result = await lint(dir, ['--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as EslintResult[];
    const [file] = report;
    expect(file.messages.map((m) => m.severity).sort()).toEqual([1, 2, 2, 2]);

    // The formatter reads each file itself, relative to the working directory, as ESLint's users run it.
    const before = process.cwd();
    process.chdir(dir);
    let text: string;
    try {
      text = friendly(report).replace(ANSI, '');
    } finally {
      process.chdir(before);
    }
    expect(text).toContain(`✘ 4 problems (${file.errorCount} errors, ${file.warningCount} warning)`);
    expect(file).toMatchObject({ errorCount: 3, warningCount: 1 });
    // Its code frame shows the claim's own line, with the caret under the claim.
    const claim = file.messages.find((m) => m.ruleId === 'no-absolute-claims')!;
    expect(text).toContain(`articles/back-pain.md:${claim.line}:${claim.column}`);
    expect(text).toMatch(new RegExp(`> ${claim.line} \\| is a miracle cure\\.`));
  });
});

describe('one run, several reports', () => {
  it('--format github on stdout and sarif, gitlab, checkstyle and json to files, from one lint', async () => {
    const dir = project();
    const result = await lint(dir, [
      '--format', 'github',
      '--format', 'sarif:reports/healthmd.sarif',
      '--format', 'gitlab:gl-code-quality-report.json',
      '--format', 'checkstyle:reports/checkstyle.xml',
      '--format', 'json:reports/eslint.json',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const annotations = result.stdout.trim().split('\n');
    expect(annotations).toHaveLength(4);
    for (const line of annotations) expect(line).toMatch(/^::(error|warning) file=articles\/back-pain\.md,/);

    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    const sarif = JSON.parse(read('reports/healthmd.sarif'));
    expect(sarif.runs[0].results).toHaveLength(4);
    const gitlab = JSON.parse(read('gl-code-quality-report.json')) as { check_name: string; location: { path: string } }[];
    expect(gitlab.map((issue) => issue.check_name).sort()).toEqual(annotations.map((line) => /title=([a-z-]+)/.exec(line)![1]).sort());
    expect(new Set(gitlab.map((issue) => issue.location.path))).toEqual(new Set(['articles/back-pain.md']));
    const checkstyle = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(read('reports/checkstyle.xml'));
    expect(checkstyle.checkstyle.file.name).toBe('articles/back-pain.md');
    expect(checkstyle.checkstyle.file.error).toHaveLength(4);
    expect((JSON.parse(read('reports/eslint.json')) as EslintResult[])[0].errorCount).toBe(3);
  });

  it('the gitlab report passes GitLab\'s own schema for each entry', async () => {
    const dir = project();
    await lint(dir, ['--format', 'gitlab:gl.json']);
    const schema = JSON.parse(readFileSync(path.join(REPO, 'tests', 'formatters', 'schemas', 'gitlab-codeclimate.json'), 'utf8'));
    const validate = new Ajv.default({ strict: false }).compile(schema);
    const issues = JSON.parse(readFileSync(path.join(dir, 'gl.json'), 'utf8')) as unknown[];
    expect(issues).toHaveLength(4);
    for (const issue of issues) expect(validate(issue), JSON.stringify(validate.errors)).toBe(true);
  });

  it('--format X --output FILE works as before, and --output goes to the format without a file', async () => {
    const dir = project();
    const result = await lint(dir, ['--format', 'json', '--output', 'lint.json', '--format', 'sarif:lint.sarif']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'lint.json'), 'utf8')).not.toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'lint.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  const refused: [string, string[], RegExp][] = [
    ['two reports to stdout', ['--format', 'github', '--format', 'json'], /only one report can go to standard output/],
    ['two reports to one file', ['--format', 'json:r.txt', '--format', 'sarif:./r.txt'], /both write/],
    ['--output with two formats that name no file', ['--format', 'github', '--format', 'json', '--output', 'x'], /--output x/],
    ['an unknown format before the colon', ['--format', 'eslint:x.json'], /unknown format 'eslint'.*stylish, json, sarif, github, junit, gitlab, checkstyle/],
    ['a colon with no file', ['--format', 'sarif:'], /file after ':' is missing/],
  ];
  for (const [name, args, message] of refused) {
    it(`exits 2 on ${name}, writing nothing`, async () => {
      const dir = project();
      const result = await lint(dir, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    });
  }
});

describe('sarif documents each rule for wherever the report is read', () => {
  it("carries every rule's page in help, and no address on the machine that ran lint", async () => {
    const rules = JSON.parse((await runCli(['rules', '--json'])).stdout) as { id: string; url: string }[];
    const output = (await lint(project(), ['--format', 'sarif'])).stdout;
    const sarif = JSON.parse(output);
    const described = sarif.runs[0].tool.driver.rules as { id: string; helpUri?: string; help: { text: string; markdown: string } }[];
    expect(described.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    for (const rule of described) {
      const page = readFileSync(path.join(REPO, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      expect(page).toContain(rule.help.markdown.split('\n')[0]);
      expect(rule.help.markdown).toContain('## Why it matters');
      expect(rule.help.text).not.toMatch(/^#/m);
      // package.json names no homepage or repository: there is no public address to give.
      expect(rule).not.toHaveProperty('helpUri');
    }
    expect(output).not.toContain('file://' + path.join(REPO, 'docs'));
  });
});

/** Runs the CLI on a terminal of the given width and returns the lines it wrote, colour removed. */
function onTerminal(args: string[], cwd: string, cols: number): Promise<string[]> {
  return new Promise((resolve) => {
    const env = { ...(process.env as Record<string, string>), ...NOW, NO_COLOR: '1' };
    const child = pty.spawn(process.execPath, [BIN, ...args], { cols, rows: 50, cwd, env });
    let output = '';
    child.onData((data) => (output += data));
    child.onExit(() => resolve(output.replace(ANSI, '').split(/\r?\n/)));
  });
}

describe('stylish on a 120-column terminal', () => {
  it('writes each finding on one line, never padded past the width; only a message too long to fit runs on', async () => {
    const lines = await onTerminal(['lint'], project(), 120);
    const rows = lines.filter((line) => /^\s+\d+:\d+\s+(error|warning)\s/.test(line));
    expect(rows).toHaveLength(4);
    // Every row ends in its rule id: no id alone on a line.
    for (const row of rows) expect(row).toMatch(/\S {2,}[a-z-]+$/);
    // The short messages fit, their rule ids in one column inside the width...
    const fitting = rows.filter((row) => /heading-structure|no-placeholder/.test(row));
    expect(fitting).toHaveLength(2);
    for (const row of fitting) expect(row.length).toBeLessThanOrEqual(120);
    expect(new Set(fitting.map((row) => row.lastIndexOf(' '))).size).toBe(1);
    // ...and the two too long for it are not padded: their rule id follows two spaces after the message.
    const long = rows.filter((row) => /disclaimer-present|no-absolute-claims/.test(row));
    expect(long).toHaveLength(2);
    for (const row of long) expect(row).toMatch(/[^ ]  [a-z-]+$/);
  });

  it('in a pipe, fits 80 columns: one line per finding, none padded (every message here is longer than 80 leaves room for)', async () => {
    const piped = await lint(project(), []);
    const rows = piped.stdout.split('\n').filter((line) => /^\s+\d+:\d+\s+(error|warning)\s/.test(line));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/[^ ]  [a-z-]+$/);
  });
});

describe("the README's CI recipes", () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const recipes = readme.slice(readme.indexOf('## CI recipes'), readme.indexOf('\n## ', readme.indexOf('## CI recipes') + 1));
  const lintCommands = (block: string) => [...block.matchAll(/npx (?:--no-install )?healthmd (lint[^\n]*)/g)].map((match) => match[1].split(/\s+/));

  it('GitHub Actions and GitLab CI each lint once, and that one run writes every report the recipe uses', async () => {
    const blocks = [...recipes.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
    const github = blocks.find((block) => block.includes('upload-sarif'))!;
    const gitlab = blocks.find((block) => block.includes('codequality'))!;
    for (const [block, report] of [
      [github, /sarif_file: (\S+)/.exec(github)![1]],
      [gitlab, /codequality: (\S+)/.exec(gitlab)![1]],
    ] as const) {
      const commands = lintCommands(block);
      expect(commands).toHaveLength(1);
      const dir = project();
      const result = await lint(dir, commands[0].slice(1));
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/disclaimer-present/);
      expect(readFileSync(path.join(dir, report), 'utf8')).toMatch(/disclaimer-present/);
    }
  });
});

describe("the README's security model", () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('## Security model');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

  it('runs pull requests with a read-only token and no secrets, lint only, from the lockfile', async () => {
    const workflow = parseYaml(/```yaml\n([\s\S]*?)```/.exec(section)![1]) as {
      on: unknown;
      permissions: Record<string, string>;
      jobs: { lint: { steps: { run?: string }[] } };
    };
    expect(workflow.on).toBe('pull_request');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const runs = workflow.jobs.lint.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(['npm ci --ignore-scripts', 'npx --no-install healthmd lint --format github']);
    const result = await lint(project(), runs[1].split(/\s+/).slice(4));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=articles\/back-pain\.md,/m);
  });
});
