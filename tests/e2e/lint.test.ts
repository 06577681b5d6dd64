import { chmodSync, existsSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { healthArticle, REPO, runCli, tempProject, type RunResult } from './helpers.js';

interface Message {
  ruleId: string;
  /** ESLint's numbers: 2 error, 1 warning. */
  severity: 1 | 2;
  messageId?: string;
  message: string;
  line: number;
  column: number;
}
interface FileReport {
  filePath: string;
  messages: Message[];
  errorCount: number;
  warningCount: number;
}

const NOW = { HEALTHMD_NOW: '2024-06-01' };
const STACK = /\n\s+at .+:\d+/;

/** A medical article that passes every rule. */
const CLEAN = healthArticle('Most back pain gets better in a few weeks. Keep moving as much as you can. A short walk each day\ncan help.\n');

/** CLEAN with a body edited by `edit`. */
const variant = (edit: (text: string) => string) => edit(CLEAN);
const withoutDisclaimer = variant((t) => t.replace(/\n## Disclaimer[\s\S]*$/, '\n'));
const withClaim = variant((t) => t.replace('A short walk each day\ncan help.', 'A short walk each day\nis a miracle cure.'));

const reportOf = (result: RunResult): FileReport[] => JSON.parse(result.stdout) as FileReport[];
const messagesOf = (result: RunResult, file?: string): Message[] =>
  reportOf(result)
    .filter((r) => file === undefined || r.filePath === file)
    .flatMap((r) => r.messages);
const rulesOf = (result: RunResult, file?: string) => messagesOf(result, file).map((m) => m.ruleId);

const lint = (cwd: string, args: string[] = [], env: Record<string, string> = NOW) => runCli(['lint', ...args], { cwd, env });

describe('exit codes', () => {
  it('exits 0 on a clean project', async () => {
    const dir = tempProject({ 'articles/clean.md': CLEAN });
    const result = await lint(dir, ['--format', 'json']);
    expect(result.code).toBe(0);
    expect(reportOf(result)).toMatchObject([{ filePath: 'articles/clean.md', errorCount: 0, warningCount: 0 }]);
  });

  it('exits 1 when an article has errors', async () => {
    const dir = tempProject({ 'articles/clean.md': CLEAN, 'articles/bad.md': withoutDisclaimer });
    const result = await lint(dir, ['--format', 'json']);
    expect(result.code).toBe(1);
    expect(rulesOf(result, 'articles/bad.md')).toContain('disclaimer-present');
    expect(messagesOf(result, 'articles/clean.md')).toEqual([]);
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown flag', ['--frobnicate'], /frobnicate/],
    ['an unknown format', ['--format', 'xml'], /xml/],
    ['a malformed --rule', ['--rule', 'readability-grade=loud'], /readability-grade=loud/],
    ['an unknown rule in --rule', ['--rule', 'no-such-rule=off'], /no-such-rule/],
    ['a missing path', ['articles/missing.md'], /articles\/missing\.md/],
    ['a negative --max-warnings', ['--max-warnings', '-1'], /max-warnings/],
    ['--stdin-filename without --stdin', ['--stdin-filename', 'x.md'], /--stdin/],
  ];
  for (const [name, args, mention] of usage) {
    it(`exits 2, without a stack trace, on ${name}`, async () => {
      const dir = tempProject({ 'articles/clean.md': CLEAN });
      const result = await lint(dir, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(mention);
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stdout).toBe('');
    });
  }

  it('exits 2 on an invalid config, naming the file, line and key path', async () => {
    const dir = tempProject({ 'articles/clean.md': CLEAN, 'healthmd.config.yaml': 'site:\n  title: Clinic\nreview:\n  maxAgeMonths: soon\n' });
    const result = await lint(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/healthmd\.config\.yaml:4(:\d+)?: review\.maxAgeMonths: /);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('exits 2 on an unknown rule in the config, naming it', async () => {
    const dir = tempProject({ 'articles/clean.md': CLEAN, 'healthmd.config.yaml': 'rules:\n  no-such-rule: off\n' });
    const result = await lint(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rules\.no-such-rule/);
  });

  it('exits 2 on a HEALTHMD_NOW that is not a date', async () => {
    const dir = tempProject({ 'articles/clean.md': CLEAN });
    const result = await lint(dir, [], { HEALTHMD_NOW: 'next tuesday' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/HEALTHMD_NOW/);
  });

  it('exits 2 when the report cannot be written, with a stack trace only under --debug', async () => {
    const dir = tempProject({ 'articles/clean.md': CLEAN, 'taken/file': '' });
    const plain = await lint(dir, ['--output', 'taken']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/taken/);
    expect(plain.stderr).not.toMatch(STACK);
    const debug = await runCli(['--debug', 'lint', '--output', 'taken'], { cwd: dir, env: NOW });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(STACK);
  });
});

describe('formats', () => {
  const project = () => tempProject({ 'articles/clean.md': CLEAN, 'articles/bad.md': withoutDisclaimer, 'articles/claim.md': withClaim });

  it('json: ESLint-shaped, with paths relative to the working directory', async () => {
    const result = await lint(project(), ['--format', 'json']);
    const report = reportOf(result);
    expect(report.map((r) => r.filePath).sort()).toEqual(['articles/bad.md', 'articles/claim.md', 'articles/clean.md']);
    for (const file of report) {
      expect(file.errorCount).toBe(file.messages.filter((m) => m.severity === 2).length);
      expect(file.warningCount).toBe(file.messages.filter((m) => m.severity === 1).length);
      for (const m of file.messages) {
        expect(m.line).toBeGreaterThanOrEqual(1);
        expect(m.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('sarif: SARIF 2.1.0 with one result per finding', async () => {
    const result = await lint(project(), ['--format', 'sarif']);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results;
    expect(results.map((r) => r.ruleId).sort()).toEqual(['disclaimer-present', 'no-absolute-claims']);
    const claim = results.find((r) => r.ruleId === 'no-absolute-claims')!;
    expect(claim.locations[0].physicalLocation.artifactLocation.uri).toMatch(/articles\/claim\.md$/);
    expect(claim.locations[0].physicalLocation.region.startLine).toBe(withClaim.split('\n').findIndex((l) => l.includes('miracle cure')) + 1);
  });

  it('github: one workflow command per finding', async () => {
    const result = await lint(project(), ['--format', 'github']);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=articles\/(bad|claim)\.md,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[a-z-]+::\S/);
    expect(lines.some((l) => l.startsWith('::warning file=articles/claim.md') && l.includes('title=no-absolute-claims'))).toBe(true);
  });

  it('junit: one testsuite per file, failures for findings', async () => {
    const result = await lint(project(), ['--format', 'junit']);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(result.stdout) as {
      testsuites: { testsuite: { name: string; failures: string }[] };
    };
    const suites = xml.testsuites.testsuite;
    expect(suites.map((s) => s.name).sort()).toEqual(['articles/bad.md', 'articles/claim.md', 'articles/clean.md']);
    expect(Object.fromEntries(suites.map((s) => [s.name, Number(s.failures)]))).toEqual({
      'articles/bad.md': 1,
      'articles/claim.md': 1,
      'articles/clean.md': 0,
    });
  });

  it('stylish: file, line:column, severity, message and rule id', async () => {
    const dir = project();
    const result = await lint(dir);
    expect(result.stdout).toContain('articles/bad.md');
    expect(result.stdout).toMatch(/^\s+\d+:\d+\s+error\s+.+\s+disclaimer-present$/m);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = project();
    const result = await lint(dir, ['--format', 'json', '--output', 'reports/lint.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const report = JSON.parse(readFileSync(path.join(dir, 'reports', 'lint.json'), 'utf8')) as FileReport[];
    expect(report).toHaveLength(3);
  });
});

describe('severity controls', () => {
  it('--quiet hides warnings and their count', async () => {
    const dir = tempProject({ 'articles/claim.md': withClaim });
    const loud = await lint(dir, ['--format', 'json']);
    expect(rulesOf(loud)).toEqual(['no-absolute-claims']);
    const quiet = await lint(dir, ['--format', 'json', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(messagesOf(quiet)).toEqual([]);
    expect(reportOf(quiet)[0].warningCount).toBe(0);
  });

  it('--max-warnings N fails only when there are more than N warnings', async () => {
    const dir = tempProject({ 'articles/claim.md': withClaim });
    expect((await lint(dir, ['--max-warnings', '1'])).code).toBe(0);
    const over = await lint(dir, ['--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/max-warnings/);
  });

  it('--rule ID=off turns a rule off, --rule ID=error raises it', async () => {
    const dir = tempProject({ 'articles/bad.md': withoutDisclaimer, 'articles/claim.md': withClaim });
    const off = await lint(dir, ['--format', 'json', '--rule', 'disclaimer-present=off']);
    expect(off.code).toBe(0);
    expect(rulesOf(off)).not.toContain('disclaimer-present');
    const raised = await lint(dir, ['--format', 'json', '--rule', 'disclaimer-present=off', '--rule', 'no-absolute-claims=error']);
    expect(raised.code).toBe(1);
    expect(messagesOf(raised, 'articles/claim.md').map((m) => [m.ruleId, m.severity])).toEqual([['no-absolute-claims', 2]]);
  });

  it('--rule wins over the config file', async () => {
    const dir = tempProject({ 'articles/bad.md': withoutDisclaimer, 'healthmd.config.yaml': 'rules:\n  disclaimer-present: off\n' });
    expect((await lint(dir)).code).toBe(0);
    expect((await lint(dir, ['--rule', 'disclaimer-present=error'])).code).toBe(1);
  });

  it('<!-- healthmd-disable-next-line rule --> silences exactly that rule on exactly the next line', async () => {
    const body = [
      '<!-- healthmd-disable-next-line no-absolute-claims -->',
      'This tea is a miracle cure. TODO: check the dose.',
      'That pill is a miracle cure too.',
      '',
      '<!-- healthmd-disable-next-line no-placeholder -->',
      '',
      'Another miracle cure, and TBD.',
    ].join('\n');
    const text = CLEAN.replace('A short walk each day\ncan help.', body);
    const dir = tempProject({ 'articles/inline.md': text });
    const result = await lint(dir, ['--format', 'json']);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const found = messagesOf(result)
      .filter((m) => m.ruleId === 'no-absolute-claims' || m.ruleId === 'no-placeholder')
      .map((m) => [m.ruleId, m.line]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['no-placeholder', lineOf('This tea')],
        ['no-absolute-claims', lineOf('That pill')],
        ['no-absolute-claims', lineOf('Another miracle')],
        ['no-placeholder', lineOf('Another miracle')],
      ]),
    );
    expect(found).not.toContainEqual(['no-absolute-claims', lineOf('This tea')]);
    expect(found).toHaveLength(4);
  });
});

describe('where lint runs', () => {
  it('-C DIR runs as if started in DIR', async () => {
    const dir = tempProject({ 'site/articles/bad.md': withoutDisclaimer });
    const result = await runCli(['-C', 'site', 'lint', '--format', 'json'], { cwd: dir, env: NOW });
    expect(result.code).toBe(1);
    expect(reportOf(result).map((r) => r.filePath)).toEqual(['articles/bad.md']);
  });

  it('finds the config in a parent folder when run in a sub-folder', async () => {
    const dir = tempProject({ 'articles/sub/bad.md': withoutDisclaimer, 'healthmd.config.yaml': 'rules:\n  disclaimer-present: off\n' });
    const result = await lint(path.join(dir, 'articles', 'sub'), ['bad.md']);
    expect(result.code).toBe(0);
  });

  it('--config FILE replaces the config search', async () => {
    const dir = tempProject({ 'articles/bad.md': withoutDisclaimer, 'lenient.yaml': 'rules:\n  disclaimer-present: warn\n' });
    expect((await lint(dir)).code).toBe(1);
    const lenient = await runCli(['--config', 'lenient.yaml', 'lint', '--format', 'json'], { cwd: dir, env: NOW });
    expect(lenient.code).toBe(0);
    expect(messagesOf(lenient).map((m) => [m.ruleId, m.severity])).toEqual([['disclaimer-present', 1]]);
    const missing = await runCli(['--config', 'nope.yaml', 'lint'], { cwd: dir, env: NOW });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml/);
  });

  it('--stdin lints standard input under --stdin-filename', async () => {
    const dir = tempProject({ 'articles/other.md': CLEAN });
    const result = await runCli(['lint', '--stdin', '--stdin-filename', 'articles/draft.md', '--format', 'json'], { cwd: dir, env: NOW, input: withClaim });
    expect(result.code).toBe(0);
    const report = reportOf(result);
    expect(report.map((r) => r.filePath)).toEqual(['articles/draft.md']);
    expect(report[0].messages.map((m) => [m.ruleId, m.line])).toEqual([['no-absolute-claims', withClaim.split('\n').findIndex((l) => l.includes('miracle')) + 1]]);
    const bad = await runCli(['lint', '--stdin', '--format', 'json'], { cwd: dir, env: NOW, input: withoutDisclaimer });
    expect(bad.code).toBe(1);
  });

  it('warns about a symlink out of the project and does not follow it', async () => {
    const outside = tempProject({ 'secret.md': withoutDisclaimer });
    const dir = tempProject({ 'articles/clean.md': CLEAN });
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'articles', 'linked.md'));
    const result = await lint(dir, ['--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/articles\/linked\.md/);
    expect(reportOf(result).map((r) => r.filePath)).toEqual(['articles/clean.md']);
  });

  it('reports a binary file and ---js front matter with front-matter-valid, never runs the JS, and still lints the rest', async () => {
    const dir = tempProject({
      'articles/clean.md': CLEAN,
      'articles/bad.md': withoutDisclaimer,
      'articles/image.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'articles/script.md': "---js\n{ title: (require('fs').writeFileSync('pwned.txt', 'ran'), 'Pwned') }\n---\nBody\n",
    });
    const result = await lint(dir, ['--format', 'json']);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(dir, 'pwned.txt'))).toBe(false);
    expect(rulesOf(result, 'articles/image.md')).toEqual(['front-matter-valid']);
    expect(rulesOf(result, 'articles/script.md')).toEqual(['front-matter-valid']);
    expect(rulesOf(result, 'articles/bad.md')).toContain('disclaimer-present');
    expect(rulesOf(result, 'articles/clean.md')).toEqual([]);
  });
});

describe('--fix', () => {
  const original = [
    '---',
    '# A comment the fix must keep',
    "title: 'Staying Active With Back Pain'",
    'description: Simple ways to keep moving when your back hurts, and when to ask your doctor for help.',
    'date: 2024-05-08',
    'author: Sam Lee',
    'reviewedBy: "Dr Ann Bell, MRCGP"',
    'lastReviewed: 2024-05-10',
    '---',
    'Most back pain gets better in a few weeks.   ',
    '',
    '#### Keep Moving',
    '',
    'A short walk each day can help.',
    '',
    '## Sources',
    '',
    '- NHS. [Back pain](https://www.nhs.uk/conditions/back-pain/).',
    '',
  ].join('\r\n');

  it('fixes what is safe, leaves unrelated bytes alone, and changes nothing on a second run', async () => {
    const dir = tempProject({ 'articles/fixme.md': original });
    const file = path.join(dir, 'articles', 'fixme.md');
    const first = await lint(dir, ['--fix', '--format', 'json']);
    const once = readFileSync(file, 'utf8');
    expect(once).not.toBe(original);
    // The disclaimer was inserted, so that rule is satisfied.
    expect(rulesOf(first)).not.toContain('disclaimer-present');
    expect(once).toMatch(/^## Disclaimer\r?$/m);
    // Every original line survives, in order (the skipped-level heading may be re-levelled).
    const kept = once.split('\r\n');
    let cursor = 0;
    for (const line of original.split('\r\n')) {
      const at = kept.findIndex((candidate, i) => i >= cursor && candidate.replace(/^#+/, '') === line.replace(/^#+/, ''));
      expect(at, `line ${JSON.stringify(line)} kept`).toBeGreaterThanOrEqual(cursor);
      cursor = at + 1;
    }
    // The front matter is untouched, byte for byte.
    const frontMatterEnd = original.indexOf('\r\n---\r\n') + 7;
    expect(once.slice(0, frontMatterEnd)).toBe(original.slice(0, frontMatterEnd));

    const second = await lint(dir, ['--fix', '--format', 'json']);
    expect(readFileSync(file, 'utf8')).toBe(once);
    expect(second.code).toBe(first.code);
  });

  it('rewrites only the heading it fixes in a file with a lone CR line ending', async () => {
    const text = CLEAN.replace('Most back pain', 'Intro.\rMost back pain').replace('\n## Sources', '\n#### Keep Moving\n\nWalk.\n\n## Sources');
    const dir = tempProject({ 'articles/cr.md': text });
    const file = path.join(dir, 'articles', 'cr.md');
    await lint(dir, ['--fix']);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('#### Keep Moving', '## Keep Moving'));
  });

  it('keeps a byte-order mark and the file mode', async () => {
    const text = `\ufeff${CLEAN.replace('\n## Sources', '\n#### Keep Moving\n\nWalk.\n\n## Sources')}`;
    const dir = tempProject({ 'articles/bom.md': text });
    const file = path.join(dir, 'articles', 'bom.md');
    chmodSync(file, 0o640);
    await lint(dir, ['--fix']);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(text.replace('#### Keep Moving', '## Keep Moving'));
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('never invents a review, a source or a date', async () => {
    const bare = '---\ntitle: Bare\nauthor: Sam Lee\n---\nSome text.\n';
    const dir = tempProject({ 'articles/bare.md': bare });
    const result = await lint(dir, ['--fix', '--format', 'json']);
    expect(result.code).toBe(1);
    const after = readFileSync(path.join(dir, 'articles', 'bare.md'), 'utf8');
    expect(after).not.toMatch(/^(reviewedBy|lastReviewed|date):/m);
    expect(after).not.toMatch(/^## Sources/m);
    expect(rulesOf(result)).toEqual(expect.arrayContaining(['review-current', 'sources-present']));
  });
});

describe('review dates', () => {
  it('HEALTHMD_NOW pins "today" for the review check', async () => {
    const dir = tempProject({ 'articles/clean.md': CLEAN });
    expect((await lint(dir, [], { HEALTHMD_NOW: '2025-05-09' })).code).toBe(0);
    const stale = await lint(dir, ['--format', 'json'], { HEALTHMD_NOW: '2025-06-01' });
    expect(stale.code).toBe(1);
    expect(rulesOf(stale)).toEqual(['review-current']);
    const early = await lint(dir, ['--format', 'json'], { HEALTHMD_NOW: '2024-05-09' });
    expect(rulesOf(early)).toContain('review-current');
  });

  it('follows review.maxAgeMonths from the config', async () => {
    const dir = tempProject({ 'articles/clean.md': CLEAN, 'healthmd.config.yaml': 'review:\n  maxAgeMonths: 36\n' });
    expect((await lint(dir, [], { HEALTHMD_NOW: '2027-05-09' })).code).toBe(0);
    expect((await lint(dir, [], { HEALTHMD_NOW: '2027-05-11' })).code).toBe(1);
  });
});

describe('the bundled sample project', () => {
  // The quick start must not rot: clean today and until just before the 36-month review cycle ends.
  for (const now of ['2026-11-27', '2029-10-31']) {
    it(`lints with no errors and no warnings on ${now}`, async () => {
      const result = await runCli(['lint', '--format', 'json'], { cwd: REPO, env: { HEALTHMD_NOW: now } });
      const report = reportOf(result);
      expect(report.length).toBeGreaterThanOrEqual(6);
      expect(report.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
      expect(result.code).toBe(0);
    });
  }
});
