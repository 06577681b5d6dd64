import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultConfig, loadConfig, resolveConfig } from '../../src/core/config.js';
import { EXAMPLE_ARTICLE, initProject, WORKFLOW_FILE } from '../../src/scaffold/init-project.js';
import { tempFolder } from '../support/temp-folders.js';

const SITE = { title: 'Clinic: "Back" & Joints #1', baseUrl: 'https://clinic.example/health/', language: 'de-AT' };
const TODAY = '2024-05-08';

function tempDir(): string {
  return tempFolder('healthmd-init-');
}

/** Every file under a folder with its bytes, for before/after comparisons. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      files[name] = readFileSync(path.join(dir, name)).toString('base64');
    } catch {
      files[name] = '<folder>';
    }
  }
  return files;
}

/** Removes the "# " before every commented-out key and list item, as the config's header tells users to. */
function uncommentKeys(text: string): string {
  return text.replace(/^(\s*)# ( *(?:[A-Za-z][\w-]*:(?: .*)?|- .*))$/gm, '$1$2');
}

describe('initProject', () => {
  it('writes a config with the answers that loads as the embedded defaults plus those answers', () => {
    const dir = tempDir();
    initProject({ dir, site: SITE, today: TODAY });
    const config = loadConfig(dir);
    const expected = defaultConfig(dir);
    Object.assign(expected.site, SITE);
    expect({ ...config, file: undefined }).toEqual(expected);
  });

  it('shows every key with its true default, or an example where it has none: uncommented, all of them load', () => {
    const dir = tempDir();
    initProject({ dir, site: SITE, today: TODAY });
    const text = readFileSync(path.join(dir, 'healthmd.config.yaml'), 'utf8');
    const uncommented = parse(uncommentKeys(text));
    const keys = ['site', 'articlesDir', 'outDir', 'templatesDir', 'pageSize', 'excerptLength', 'review', 'readability', 'disclaimer', 'types', 'defaultType', 'rules', 'html', 'strings', 'defaults', 'frontMatter', 'permalinks'];
    expect(Object.keys(uncommented)).toEqual(keys);
    for (const key of ['title', 'baseUrl', 'language', 'description', 'dateFormat']) expect(uncommented.site, key).toHaveProperty(key);
    expect(Object.keys(uncommented.readability)).toEqual(['maxGrade', 'minInflesz']);
    const expected = defaultConfig(dir);
    Object.assign(expected.site, SITE);
    // The examples, where a key has no default to show.
    expected.types.news = { requiredSections: [], medical: false };
    expected.rules = { 'readability-grade': { severity: 'off' }, 'no-absolute-claims': { severity: 'error', options: { phrases: ['wonder cure'], allow: [] } } };
    expected.strings = { fr: { published: 'Publié le', on_this_page: 'Sur cette page', latest_posts: 'Derniers articles' } };
    expected.defaults = [
      { match: ['news/**'], values: { type: 'news' } },
      { match: ['es/**', 'contacto.md'], values: { lang: 'es' } },
    ];
    expected.frontMatter.aliases = { description: ['meta-description'], date: ['lastupdate'] };
    expected.permalinks = ['/:title/', '/:year/:month/:day/:title/'];
    expect(resolveConfig(uncommented, dir)).toEqual(expected);
  });

  it('explains every key with a comment above it (or above its parent)', () => {
    const dir = tempDir();
    initProject({ dir, site: SITE, today: TODAY });
    const lines = uncommentKeys(readFileSync(path.join(dir, 'healthmd.config.yaml'), 'utf8')).split('\n');
    let parent = '';
    lines.forEach((line, i) => {
      if (/^[A-Za-z]/.test(line)) parent = line;
      // Each key of `site` has its own comment; the keys in the other blocks (the built-in types,
      // the examples) are explained once, in the comment above their block.
      const explained = /^[A-Za-z][\w-]*:/.test(line) || (parent.startsWith('site:') && /^ {2}[A-Za-z][\w-]*:/.test(line));
      if (explained) expect(lines[i - 1], `comment above ${line}`).toMatch(/^\s*#/);
    });
  });

  it('writes an example article, the .gitignore entries, and lists what it created', () => {
    const dir = tempDir();
    const report = initProject({ dir, site: SITE, today: TODAY });
    expect(report.created).toEqual([path.join(dir, 'healthmd.config.yaml'), path.join(dir, 'articles', EXAMPLE_ARTICLE), path.join(dir, '.gitignore')]);
    expect(readFileSync(path.join(dir, 'articles', EXAMPLE_ARTICLE), 'utf8')).toMatch(/^---\n[\s\S]*\ndate: 2024-05-08\n[\s\S]*\nlastReviewed: 2024-05-08\n---\n/);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['.healthmd/', '/public/']));
  });

  it('changes nothing when run again, and says it left everything alone', () => {
    const dir = tempDir();
    initProject({ dir, site: SITE, templates: true, ci: 'github', today: TODAY });
    const before = snapshot(dir);
    const report = initProject({ dir, site: { ...SITE, title: 'Other' }, templates: true, ci: 'github', today: '2025-01-01' });
    expect(snapshot(dir)).toEqual(before);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.kept.length).toBeGreaterThan(3);
  });

  it('appends to an existing .gitignore, keeping its bytes, and skips entries it already has', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules\r\npublic');
    const report = initProject({ dir, site: SITE, today: TODAY });
    expect(report.updated).toEqual([{ file: path.join(dir, '.gitignore'), added: ['.healthmd/'] }]);
    const text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    expect(text.startsWith('node_modules\r\npublic\r\n')).toBe(true);
    expect(text.endsWith('.healthmd/\r\n')).toBe(true);
  });

  it('keeps an existing config and follows its folders', () => {
    const dir = tempDir();
    const config = 'articlesDir: content\noutDir: site\n';
    writeFileSync(path.join(dir, 'healthmd.config.yml'), config);
    const report = initProject({ dir, site: SITE, today: TODAY });
    expect(readFileSync(path.join(dir, 'healthmd.config.yml'), 'utf8')).toBe(config);
    expect(report.created).toContain(path.join(dir, 'content', EXAMPLE_ARTICLE));
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('/site/\n');
    expect(readdirSync(dir)).not.toContain('healthmd.config.yaml');
  });

  it('adds no example to an articles folder that has articles', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'articles', 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'articles', 'sub', 'mine.md'), '# mine\n');
    const report = initProject({ dir, site: SITE, today: TODAY });
    expect(readdirSync(path.join(dir, 'articles'))).toEqual(['sub']);
    expect(report.kept).toContainEqual({ file: path.join(dir, 'articles'), reason: expect.any(String) });
  });

  it('with templates, copies the built-in templates (site and article ones) but not its own init files', () => {
    const dir = tempDir();
    initProject({ dir, site: SITE, templates: true, today: TODAY });
    const copied = readdirSync(path.join(dir, 'templates'), { recursive: true, encoding: 'utf8' });
    const builtIn = path.resolve(import.meta.dirname, '../../templates');
    expect(copied).toEqual(expect.arrayContaining(['articles/condition.md', 'articles/treatment.md', 'articles/article.md', 'articles/_generic.md'].map((p) => p.split('/').join(path.sep))));
    expect(copied.some((name) => name.startsWith('init'))).toBe(false);
    expect(readFileSync(path.join(dir, 'templates', 'articles', 'condition.md'))).toEqual(readFileSync(path.join(builtIn, 'articles', 'condition.md')));
  });

  it('never overwrites a template the project already customised', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'templates', 'articles'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'articles', 'article.md'), 'mine');
    const report = initProject({ dir, site: SITE, templates: true, today: TODAY });
    expect(readFileSync(path.join(dir, 'templates', 'articles', 'article.md'), 'utf8')).toBe('mine');
    expect(report.kept).toContainEqual({ file: path.join(dir, 'templates', 'articles', 'article.md'), reason: 'already there' });
  });

  it('with ci github, writes a workflow that annotates pull requests and uploads SARIF', () => {
    const dir = tempDir();
    initProject({ dir, site: SITE, ci: 'github', today: TODAY });
    const workflow = parse(readFileSync(path.join(dir, WORKFLOW_FILE), 'utf8'));
    expect(Object.keys(workflow.on)).toContain('pull_request');
    const job = workflow.jobs.lint;
    expect(job.permissions['security-events']).toBe('write');
    const steps: { run?: string; uses?: string; if?: string; with?: Record<string, string> }[] = job.steps;
    const sarif = steps.find((s) => s.run?.includes('--format sarif'));
    expect(sarif?.run).toBe('npx --no-install healthmd lint --format github --format sarif:healthmd.sarif');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toMatch(/^always\(\)/);
    expect(upload?.with?.sarif_file).toBe('healthmd.sarif');
    expect(steps.indexOf(upload!)).toBeGreaterThan(steps.indexOf(sarif!));
  });
});
