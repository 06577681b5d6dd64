import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, defaultConfig, loadConfig, type Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { HealthmdError } from '../core/errors.js';
import { writeFileAtomic } from '../core/write-file-atomic.js';
import { addToGitignore } from './gitignore.js';
import { builtInTemplatesDir } from './package-dir.js';
import { addPackageScripts, PACKAGE_SCRIPTS } from './package-scripts.js';
import { createTemplateEngine } from './template-engine.js';
import { toPosix } from '../core/relative-path.js';
import { ioFailure } from '../core/io-failure.js';
import { JEKYLL_STYLES, PERMALINK_PLACEHOLDERS } from '../core/permalinks.js';
import { MARKDOWN_FILE } from '../core/markdown-file.js';

export interface SiteAnswers {
  title: string;
  baseUrl: string;
  language: string;
}

export interface InitOptions {
  /** The project folder (absolute); created when missing. */
  dir: string;
  site: SiteAnswers;
  /** Copy the built-in templates into the project's templates folder. */
  templates?: boolean;
  ci?: 'github';
  today: CalendarDate;
}

/** What `init` did to each path (absolute), in the order it got to them. */
export interface InitReport {
  created: string[];
  /** Files that existed and got lines added (.gitignore), with what was added, and what in them was kept that init would have written otherwise. */
  updated: { file: string; added: string[]; kept?: string }[];
  /** Files and folders that were there already and were left exactly as they were, with why. */
  kept: { file: string; reason: string }[];
  /** The project's package.json depends on healthmd: its own copy runs through `npx healthmd`, not a `healthmd` on the PATH. */
  ownCopy: boolean;
}

export const EXAMPLE_ARTICLE = 'lower-back-pain.md';
export const WORKFLOW_FILE = path.join('.github', 'workflows', 'healthmd.yml');

/**
 * Sets up a content project: a commented config file, the articles folder with an example article,
 * optionally copies of the built-in templates and a GitHub workflow, and .gitignore entries for the
 * cache and the output. Never overwrites a file, so running it again changes nothing.
 */
export function initProject(options: InitOptions): InitReport {
  const report: InitReport = { created: [], updated: [], kept: [], ownCopy: false };
  const { dir } = options;
  makeFolder(dir);
  const templates = builtInTemplatesDir();
  const engine = createTemplateEngine(path.join(templates, 'init'));
  const render = (name: string, context: object) => engine.parseAndRenderSync(readFileSync(path.join(templates, 'init', name), 'utf8'), context);

  const existingConfig = projectConfigFile(dir);
  let config: Config;
  if (existingConfig) {
    report.kept.push({ file: existingConfig, reason: 'already there' });
    config = loadConfig(dir, existingConfig);
  } else {
    const defaults = defaultConfig(dir);
    const text = render('healthmd.config.yaml', {
      title: options.site.title,
      base_url: options.site.baseUrl,
      language: options.site.language,
      defaults,
      types: Object.entries(defaults.types).map(([name, type]) => ({ name, ...type })),
      permalink_placeholders: PERMALINK_PLACEHOLDERS.map((name) => `:${name}`).join(', '),
      jekyll_styles: Object.keys(JEKYLL_STYLES).join(', '),
    });
    createFile(path.join(dir, CONFIG_NAMES[0]), text, report);
    config = loadConfig(dir, path.join(dir, CONFIG_NAMES[0]));
  }

  const articlesDir = path.resolve(dir, config.articlesDir);
  makeFolder(articlesDir);
  const example = path.join(articlesDir, EXAMPLE_ARTICLE);
  if (existsSync(example)) report.kept.push({ file: example, reason: 'already there' });
  else if (hasMarkdown(articlesDir)) report.kept.push({ file: articlesDir, reason: 'has articles already, so no example was added' });
  else createFile(example, render('example-article.md', { date: options.today, disclaimer: config.disclaimer.text }), report);

  if (options.templates) copyTemplates(templates, path.resolve(dir, config.templatesDir), report);
  if (options.ci === 'github') {
    const workflow = path.join(dir, WORKFLOW_FILE);
    // Copied, not rendered: the workflow's ${{ … }} expressions belong to GitHub, not to Liquid.
    createFile(workflow, readFileSync(path.join(templates, 'init', 'healthmd.yml'), 'utf8'), report);
  }

  addScriptsToPackage(path.join(dir, 'package.json'), report);

  const gitignore = path.join(dir, '.gitignore');
  const existed = existsSync(gitignore);
  const outDir = toPosix(path.relative(dir, path.resolve(dir, config.outDir)));
  // An output folder outside the project is not this repository's to ignore.
  // An npm project (healthmd installed as a dev dependency) commits package-lock.json, never node_modules.
  const npmProject = existsSync(path.join(dir, 'package.json'));
  const added = addToGitignore(gitignore, [
    '.healthmd/',
    ...(outDir.startsWith('../') || path.isAbsolute(outDir) ? [] : [`/${outDir}/`]),
    ...(npmProject ? ['node_modules/'] : []),
  ]);
  if (!existed) report.created.push(gitignore);
  else if (added.length) report.updated.push({ file: gitignore, added });
  else report.kept.push({ file: gitignore, reason: 'already ignores the cache and the output' });
  return report;
}

/**
 * Adds the healthmd scripts to the project's package.json when it has one. None is created: a
 * content repository need not be an npm package, and the README says how to make it one.
 */
function addScriptsToPackage(file: string, report: InitReport): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new HealthmdError(`cannot read file: ${ioFailure(error)}`, { file, cause: error });
  }
  report.ownCopy = dependsOnHealthmd(text);
  const edit = addPackageScripts(text);
  if (!edit.ok) return void report.kept.push({ file, reason: edit.reason });
  // A script of the same name is the project's own: it stays, and the report says so and what healthmd's would run.
  const kept = edit.kept.length ? `kept its own ${edit.kept.map((name) => `${name} script instead of "${PACKAGE_SCRIPTS[name]}"`).join(', ')}` : undefined;
  if (edit.added.length === 0) report.kept.push({ file, reason: kept ?? 'has the healthmd scripts already' });
  else {
    writeFileAtomic(file, edit.text);
    report.updated.push({ file, added: edit.added.map((name) => `script ${name}`), kept });
  }
}

/** Whether package.json lists healthmd, so the project runs its own copy (invalid JSON: addPackageScripts says why). */
function dependsOnHealthmd(packageJson: string): boolean {
  try {
    const manifest = JSON.parse(packageJson) as Record<string, Record<string, unknown> | undefined>;
    return ['dependencies', 'devDependencies'].some((key) => typeof manifest[key]?.healthmd === 'string');
  } catch {
    return false;
  }
}

/** The config file in the project folder itself (not a parent's: init sets up this folder). */
export function projectConfigFile(dir: string): string | undefined {
  return CONFIG_NAMES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
}

function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new HealthmdError(`cannot create the folder: ${ioFailure(error)}`, { file: dir, cause: error });
  }
}

/** Creates a file exclusively (and its folders), or records that it was there. */
function createFile(file: string, text: string | Uint8Array, report: InitReport): void {
  makeFolder(path.dirname(file));
  try {
    writeFileSync(file, text, { flag: 'wx' });
    report.created.push(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') report.kept.push({ file, reason: 'already there' });
    else throw new HealthmdError(`cannot create file: ${ioFailure(error)}`, { file, cause: error });
  }
}

/** Copies the built-in site and article templates; `init/` holds what init itself writes, not templates. */
function copyTemplates(from: string, to: string, report: InitReport, top = true): void {
  for (const entry of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (top && entry.name === 'init') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTemplates(source, target, report, false);
    else if (entry.isFile()) createFile(target, readFileSync(source), report);
  }
}

function hasMarkdown(dir: string): boolean {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((name) => MARKDOWN_FILE.test(name));
}
