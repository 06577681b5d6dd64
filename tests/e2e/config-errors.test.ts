import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

describe('an invalid config', () => {
  it('names every wrong key in file order, each with its line and what was expected', async () => {
    const project = tempProject({
      'healthmd.config.yaml': ['pagesize: 5', 'site:', '  baseUrl: not a url', 'review:', '  maxAgeMonths: 0', ''].join('\n'),
      'articles/.keep': '',
    });
    const result = await runCli(['lint'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('healthmd: healthmd.config.yaml: 3 problems in the config; fix each:');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}healthmd\.config\.yaml:1:\d+: pagesize: unknown key; did you mean 'pageSize'\?$/),
      expect.stringMatching(/^ {2}healthmd\.config\.yaml:3:\d+: site\.baseUrl: expected an http\(s\) URL such as https:\/\/example\.org\/, got text "not a url"$/),
      expect.stringMatching(/^ {2}healthmd\.config\.yaml:5:\d+: review\.maxAgeMonths: expected at least 1, got the number 0$/),
    ]);
  });

  it('names each of several unknown keys at its own line, among the other problems', async () => {
    const project = tempProject({
      'healthmd.config.yaml': ['colour: blue', 'pageSize: ten', 'site:', '  Title: Clinic', 'excerptLength: 80', 'outdir: www', ''].join('\n'),
      'articles/.keep': '',
    });
    const result = await runCli(['build'], { cwd: project });
    expect(result.code).toBe(2);
    const places = result.stderr.split('\n').slice(1, -1).map((line) => line.match(/:(\d+):\d+: (\S+):/)?.slice(1));
    expect(places).toEqual([
      ['1', 'colour'],
      ['2', 'pageSize'],
      ['4', 'site.Title'],
      ['6', 'outdir'],
    ]);
    expect(result.stderr).toContain("site.Title: unknown key; did you mean 'title'?");
    expect(result.stderr).toContain("outdir: unknown key; did you mean 'outDir'?");
  });

  it('keeps one problem on one line', async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'site:\n  title: Clinic\npageSize: 0\n', 'articles/.keep': '' });
    const result = await runCli(['lint'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^healthmd: healthmd\.config\.yaml:3:\d+: pageSize: expected at least 1, got the number 0\n$/);
  });
});

describe('an invalid config with problems that need more than one key to see', () => {
  it('names them in the same run as the others, in file order', async () => {
    const project = tempProject({
      'healthmd.config.yaml': [
        'defaultType: blog',
        'pagesize: 5',
        'types:',
        '  news: {requiredSections: [Sources], medical: maybe}',
        'articlesDir: .',
        'outDir: public',
        'permalinks: :title',
        'rules:',
        '  description-length: {options: {min: -1}}',
        '',
      ].join('\n'),
      'articles/.keep': '',
    });
    const result = await runCli(['lint'], { cwd: project });
    expect(result.code).toBe(2);
    const problems = result.stderr.trimEnd().split('\n').slice(1).map((line) => line.match(/^ {2}healthmd\.config\.yaml:(\d+):\d+: (\S+):/)?.slice(1));
    expect(problems).toEqual([
      ['1', 'defaultType'],
      ['2', 'pagesize'],
      ['4', 'types.news.medical'],
      ['5', 'articlesDir'],
      ['7', 'permalinks'],
      ['9', 'rules.description-length.options.min'],
    ]);
    expect(result.stderr).toContain("defaultType: 'blog' is not a type; expected one of condition, treatment, article, news");
  });

  it('names an output folder that is the articles folder along with a wrong key', async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'outDir: articles\nexcerptLength: -3\n', 'articles/.keep': '' });
    const result = await runCli(['build'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/healthmd\.config\.yaml:1:\d+: outDir: must differ from articlesDir/);
    expect(result.stderr).toMatch(/healthmd\.config\.yaml:2:\d+: excerptLength: expected at least 0/);
  });
});

describe('a config that is not valid YAML', () => {
  const cases: [string, string, string][] = [
    ['a quote that never closes, where it opens', 'site:\n  title: "Clinic\npageSize: 5\n', '2:10: invalid YAML: the double-quoted value that opens here is never closed; add the closing "'],
    ['indentation with a tab', 'site:\n\ttitle: Clinic\n', '2:1: invalid YAML: tabs are not allowed as indentation; indent with spaces'],
    ['a key written twice', 'pageSize: 5\nexcerptLength: 80\npageSize: 6\n', "3:1: invalid YAML: 'pageSize' is set twice (also on line 1); keep one"],
    ['a key written twice inside a block', 'review:\n  maxAgeMonths: 12\nsite:\n  title: Clinic\n  maxAgeMonths: 3\n  title: Surgery\n', "6:3: invalid YAML: 'title' is set twice (also on line 4); keep one"],
    ['a colon inside a plain value', 'site:\n  title: Back pain: what helps\n', "2:10: invalid YAML: a value holds ': ' or the line after it is indented under it; put the value in quotes, or line its keys up under each other"],
    ['an alias to an anchor that is not set', 'site:\n  title: *name\n', '2:10: invalid YAML: Unresolved alias (the anchor must be set before the alias): name; write the value out instead of the alias'],
  ];
  for (const [name, yaml, expected] of cases) {
    it(`says where once, and what to do: ${name}`, async () => {
      const project = tempProject({ 'healthmd.config.yaml': yaml, 'articles/.keep': '' });
      const result = await runCli(['lint'], { cwd: project });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`healthmd: healthmd.config.yaml:${expected}\n`);
    });
  }
});

describe('two config files in one folder', () => {
  it('names both and says to keep one, rather than reading one and ignoring the other', async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'pageSize: 5\n', 'healthmd.config.json': '{"pageSize": 7}', 'articles/.keep': '' });
    const result = await runCli(['list'], { cwd: path.join(project, 'articles') });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `healthmd: two config files in one folder: ${path.join('..', 'healthmd.config.yaml')} and ${path.join('..', 'healthmd.config.json')}; healthmd reads one, so keep one (move the other's settings into it and delete it), or name one with --config\n`,
    );
  });

  it('reads the one --config names', async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'pageSize: [5\n', 'healthmd.config.yml': 'site: {title: Clinic}\n', 'articles/.keep': '' });
    const result = await runCli(['list', '--config', 'healthmd.config.yml'], { cwd: project });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
