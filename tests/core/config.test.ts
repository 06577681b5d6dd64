import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TYPES, defaultConfig, findingSeverity, loadConfig, resolveConfig, settingOf } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { tempProject } from '../e2e/helpers.js';

/** Runs `load` and returns the ConfigError it throws. */
function configError(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the embedded defaults when there is no config file', () => {
    const dir = tempProject({ 'articles/a.md': '# A\n' });
    const config = loadConfig(dir);
    expect(config.file).toBeUndefined();
    expect(config.root).toBe(dir);
    expect(config).toMatchObject({
      articlesDir: 'articles',
      outDir: 'public',
      templatesDir: 'templates',
      pageSize: 10,
      excerptLength: 160,
      review: { maxAgeMonths: 12 },
      readability: { maxGrade: 8 },
      defaultType: 'article',
      html: 'sanitize',
      rules: {},
    });
    expect(config.types).toEqual(BUILT_IN_TYPES);
    expect(config.disclaimer.text.length).toBeGreaterThan(20);
  });

  it('finds the config in the nearest parent folder, and roots the project there', () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'pageSize: 5\n', 'articles/deep/er/a.md': '# A\n' });
    const config = loadConfig(path.join(dir, 'articles', 'deep', 'er'));
    expect(config.file).toBe(path.join(dir, 'healthmd.config.yaml'));
    expect(config.root).toBe(dir);
    expect(config.pageSize).toBe(5);
  });

  it('prefers the nearest config when there are several', () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'pageSize: 5\n', 'sub/healthmd.config.yml': 'pageSize: 7\n' });
    expect(loadConfig(path.join(dir, 'sub')).pageSize).toBe(7);
  });

  it('reads a JSON config', () => {
    const dir = tempProject({ 'healthmd.config.json': '{"site": {"title": "Clinic"}, "excerptLength": 80}' });
    const config = loadConfig(dir);
    expect(config.site.title).toBe('Clinic');
    expect(config.excerptLength).toBe(80);
  });

  it('uses --config instead of searching, relative to the working directory', () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'pageSize: 5\n', 'configs/strict.yaml': 'pageSize: 3\nreview: {maxAgeMonths: 6}\n' });
    const config = loadConfig(dir, 'configs/strict.yaml');
    expect(config.pageSize).toBe(3);
    expect(config.review.maxAgeMonths).toBe(6);
    expect(config.root).toBe(path.join(dir, 'configs'));
  });

  it('reports a --config file that does not exist', () => {
    const dir = tempProject();
    const error = configError(() => loadConfig(dir, 'missing.yaml'));
    expect(error.file).toBe('missing.yaml');
    expect(error.exitCode).toBe(2);
  });

  it('merges partial settings over the defaults', () => {
    const dir = tempProject({
      'healthmd.config.yaml': [
        'site:',
        '  title: Clinic',
        '  baseUrl: https://example.org/health',
        'review:',
        '  maxAgeMonths: 36',
        'types:',
        '  news: {medical: false}',
        'rules:',
        '  readability-grade: off',
        '  no-absolute-claims: {severity: error, options: {phrases: [wonder drug]}}',
        '',
      ].join('\n'),
    });
    const config = loadConfig(dir);
    expect(config.site).toMatchObject({ title: 'Clinic', baseUrl: 'https://example.org/health/', language: 'en-GB' });
    expect(config.review.maxAgeMonths).toBe(36);
    expect(config.readability.maxGrade).toBe(8);
    expect(config.types.news).toEqual({ requiredSections: [], medical: false });
    expect(config.types.condition).toEqual(BUILT_IN_TYPES.condition);
    expect(config.rules['readability-grade']).toEqual({ severity: 'off' });
    // The rule's schema fills in the options not given.
    expect(config.rules['no-absolute-claims']).toEqual({ severity: 'error', options: { phrases: ['wonder drug'], allow: [] } });
  });

  it('does not let one project change the defaults of the next', () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'types:\n  condition: {requiredSections: [Only]}\n' });
    expect(loadConfig(dir).types.condition.requiredSections).toEqual(['Only']);
    expect(defaultConfig(dir).types.condition.requiredSections).toEqual(BUILT_IN_TYPES.condition.requiredSections);
    expect(BUILT_IN_TYPES.condition.requiredSections).toContain('Symptoms');
  });
});

describe('invalid config', () => {
  const cases: [string, string, string, number][] = [
    ['a wrong type', 'site:\n  title: Clinic\npageSize: "ten"\n', 'pageSize', 3],
    ['a nested wrong value', 'site:\n  title: Clinic\n  baseUrl: not a url\n', 'site.baseUrl', 3],
    ['an out-of-range number', 'review:\n  maxAgeMonths: 0\n', 'review.maxAgeMonths', 2],
    ['a bad rule severity', 'rules:\n  readability-grade: loud\n', 'rules.readability-grade', 2],
    ['a bad language tag', 'site:\n  language: "English (UK)"\n', 'site.language', 2],
    ['an unknown default type', 'defaultType: blog\n', 'defaultType', 1],
    ['an unknown html mode', 'pageSize: 5\nhtml: drop\n', 'html', 2],
    ['the old allowHtml: false', 'pageSize: 5\nallowHtml: false\n', 'allowHtml', 2],
  ];
  for (const [name, yaml, keyPath, line] of cases) {
    it(`names the key path and line of ${name}`, () => {
      const dir = tempProject({ 'healthmd.config.yaml': yaml });
      const error = configError(() => loadConfig(dir));
      expect(error.message.startsWith(`${keyPath}: `)).toBe(true);
      expect(error.file).toBe('healthmd.config.yaml');
      expect(error.line).toBe(line);
      expect(error.exitCode).toBe(2);
      expect(error.describe()).toMatch(new RegExp(`^healthmd\\.config\\.yaml:${line}(:\\d+)?: ${keyPath.replace(/\./g, '\\.')}: `));
    });
  }

  it('says which html modes there are, and what replaced allowHtml', () => {
    expect(configError(() => resolveConfig({ html: 'drop' }, '/p')).message).toBe('html: expected one of "sanitize", "text", got text "drop"');
    expect(configError(() => resolveConfig({ allowHtml: false }, '/p')).message).toContain('replaced by html: write `html: text`');
  });

  it('reads html: text, and allowHtml: true as the sanitize it always meant', () => {
    expect(resolveConfig({ html: 'text' }, '/p').html).toBe('text');
    expect(resolveConfig({ allowHtml: true }, '/p').html).toBe('sanitize');
  });

  it('names an unknown key', () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'site:\n  title: x\n  colour: blue\n' });
    const error = configError(() => loadConfig(dir));
    expect(error.message).toMatch(/^site\.colour: unknown key; expected one of title, baseUrl, /);
    expect(error.line).toBe(3);
  });

  it('names an unknown top-level key', () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'pagesize: 10\n' });
    expect(configError(() => loadConfig(dir)).message).toContain('pagesize');
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'pageSize: 10\noutDir: [unclosed\n' });
    expect(configError(() => loadConfig(dir)).line).toBeGreaterThanOrEqual(2);
    const dup = tempProject({ 'healthmd.config.yaml': 'pageSize: 10\npageSize: 11\n' });
    expect(configError(() => loadConfig(dup)).line).toBe(2);
  });

  it('reports invalid JSON', () => {
    const dir = tempProject({ 'healthmd.config.json': '{"pageSize": 10,}' });
    expect(configError(() => loadConfig(dir)).file).toBe('healthmd.config.json');
  });

  it('refuses an output folder that is the project root or the articles folder', () => {
    const root = tempProject();
    expect(configError(() => resolveConfig({ outDir: '.' }, root)).message).toMatch(/^outDir: /);
    expect(configError(() => resolveConfig({ outDir: 'articles' }, root)).message).toMatch(/^outDir: /);
    expect(configError(() => resolveConfig({ articlesDir: './' }, root)).message).toMatch(/^articlesDir: /);
  });

  it('refuses a config file that cannot be read', () => {
    const dir = tempProject();
    mkdirSync(path.join(dir, 'healthmd.config.yaml'));
    expect(configError(() => loadConfig(dir)).file).toBe('healthmd.config.yaml');
  });
});

describe('permalinks', () => {
  it('reads one pattern or a list, and Jekyll style names', () => {
    expect(resolveConfig({}, '/p').permalinks).toEqual([]);
    expect(resolveConfig({ permalinks: '/:title/' }, '/p').permalinks).toEqual(['/:title/']);
    expect(resolveConfig({ permalinks: ['pretty', '/:section/:slug/'] }, '/p').permalinks).toEqual(['pretty', '/:section/:slug/']);
  });

  it('names the file, line and pattern of an unknown placeholder or a pattern not starting with /', () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'site:\n  title: Clinic\npermalinks:\n  - /:title/\n  - /:year/:weekday/:title/\n' });
    const error = configError(() => loadConfig(dir));
    expect(error.describe()).toMatch(/^healthmd\.config\.yaml:5(:\d+)?: permalinks\.1: expected a URL pattern starting with \//);
    expect(error.message).toContain('"/:year/:weekday/:title/"');
    expect(configError(() => resolveConfig({ permalinks: ':title' }, '/p')).message).toMatch(/^permalinks: expected a URL pattern/);
    expect(configError(() => resolveConfig({ permalinks: 3 }, '/p')).message).toBe('permalinks: expected a URL pattern such as /:title/, or a list of them, got the number 3');
  });
});

describe('severity vocabularies', () => {
  it("turns config's warn into a finding's warning and back, and error into error", () => {
    expect(findingSeverity('warn')).toBe('warning');
    expect(findingSeverity('error')).toBe('error');
    expect(settingOf('warning')).toBe('warn');
    expect(settingOf('error')).toBe('error');
  });
});
