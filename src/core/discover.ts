import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Config } from './config.js';
import { UsageError } from './errors.js';
import { toPosix } from './relative-path.js';
import { ioFailure } from './io-failure.js';
import { MARKDOWN_FILE } from './markdown-file.js';

export interface ArticleFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the articles folder (or to the project root for files outside it), with forward slashes. */
  relPath: string;
}

export interface DiscoveryProblem {
  /** Path relative to the working directory. */
  file: string;
  message: string;
}

export interface Discovery {
  files: ArticleFile[];
  problems: DiscoveryProblem[];
  /** Every folder whose entries were read, in the order read. */
  folders: string[];
  /** Symbolic links met while walking them: what they lead to can change while no folder does. */
  links: number;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.healthmd']);
const GLOB_CHARS = /[*?[\]{}!]/;

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** An empty, `.` or `..` segment (either separator counts): a path path.relative would first have to normalise. */
const UNNORMALISED_SEGMENT = /(?:^|[\\/])\.{0,2}(?:[\\/]|$)/;

/** Each config's articles folder, resolved once (and again should the config change). */
const articlesDirs = new WeakMap<Config, { root: string; articlesDir: string; resolved: string }>();

function resolvedArticlesDir(config: Config): string {
  const known = articlesDirs.get(config);
  if (known?.root === config.root && known.articlesDir === config.articlesDir) return known.resolved;
  const resolved = path.resolve(config.root, config.articlesDir);
  articlesDirs.set(config, { root: config.root, articlesDir: config.articlesDir, resolved });
  return resolved;
}

/** An article's path as the project names it: relative to the articles folder, or to the project root for a file outside it. */
export function articleRelPath(config: Config, file: string): string {
  const articlesDir = resolvedArticlesDir(config);
  // Discovery names every file of the project, so the usual case, a normalised path inside the
  // articles folder, skips path.relative's two resolves (a third of a one-file lint's discovery
  // in 4,000 articles); anything else takes the general way, with the same answer.
  if (file.startsWith(articlesDir) && file[articlesDir.length] === path.sep) {
    const rest = file.slice(articlesDir.length + 1);
    if (!UNNORMALISED_SEGMENT.test(rest)) return toPosix(rest);
  }
  return toPosix(path.relative(isInside(file, articlesDir) ? articlesDir : config.root, file));
}

/**
 * The error for a command that needs the articles folder, run where there is none (usually in the
 * wrong folder). `otherwise` is the command's own way out, e.g. 'pass the files to use'.
 */
export function articlesFolderMissing(config: Config, cwd: string, otherwise: string): UsageError {
  const articlesDir = path.resolve(config.root, config.articlesDir);
  return new UsageError(`${toPosix(path.relative(cwd, articlesDir)) || '.'}: articles folder not found; run 'healthmd init' or ${otherwise}`);
}

/** True when the project's articles folder exists. */
export function hasArticlesFolder(config: Config): boolean {
  try {
    return statSync(path.resolve(config.root, config.articlesDir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every article of the project (the whole articles folder), as project rules see it when only
 * some files are linted; none when there is no articles folder.
 */
export function projectArticleFiles(config: Config, cwd: string): ArticleFile[] {
  return projectDiscovery(config, cwd).files;
}

/** The discovery of the whole articles folder, as projectArticleFiles makes it: nothing found when there is none. */
export function projectDiscovery(config: Config, cwd: string): Discovery {
  return hasArticlesFolder(config) ? discoverArticles(config, cwd) : { files: [], problems: [], folders: [], links: 0 };
}

/**
 * Finds the Markdown articles named by `paths` (files, folders, globs), or the whole articles folder.
 * Skips the output folder, node_modules and dot-folders; a symlink leading outside the project is
 * reported, not followed. Files are returned sorted and once each.
 */
export function discoverArticles(config: Config, cwd: string, paths: string[] = []): Discovery {
  const root = config.root;
  const articlesDir = path.resolve(root, config.articlesDir);
  const outDir = path.resolve(root, config.outDir);
  const found = new Map<string, ArticleFile>();
  const problems: DiscoveryProblem[] = [];
  const folders: string[] = [];
  let links = 0;
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch {
    rootReal = root;
  }

  const add = (file: string) => {
    if (!found.has(file)) found.set(file, { path: file, relPath: articleRelPath(config, file) });
  };
  const display = (file: string) => toPosix(path.relative(cwd, file)) || '.';

  /** The target of a symbolic link inside the project, or undefined (reported) when it is broken or leads out. */
  const followLink = (link: string): string | undefined => {
    let target: string;
    try {
      target = realpathSync(link);
    } catch {
      problems.push({ file: display(link), message: 'broken symbolic link: skipped' });
      return undefined;
    }
    if (isInside(target, rootReal)) return target;
    problems.push({ file: display(link), message: 'symbolic link leads outside the project: not followed' });
    return undefined;
  };

  const walk = (dir: string, accept: (file: string) => boolean) => {
    folders.push(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: display(dir), message: `cannot read folder: ${ioFailure(error)}` });
      return;
    }
    // `dir` is normalised (resolved, or made here) and an entry's name holds no separator, so
    // joining needs no path.join, whose normalising was a tenth of a 4,000-article discovery.
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const entry of entries) {
      const full = prefix + entry.name;
      if (entry.isSymbolicLink()) {
        links++;
        const target = followLink(full);
        if (!target) continue;
        const stat = statSync(target);
        if (stat.isDirectory()) continue; // the target inside the project is walked in its own right
        if (stat.isFile() && MARKDOWN_FILE.test(entry.name) && accept(full)) add(full);
        continue;
      }
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.') || full === outDir) continue;
        walk(full, accept);
      } else if (entry.isFile() && MARKDOWN_FILE.test(entry.name) && accept(full)) {
        add(full);
      }
    }
  };

  if (paths.length === 0) {
    if (!hasArticlesFolder(config)) throw articlesFolderMissing(config, cwd, 'pass the files to use');
    walk(articlesDir, () => true);
  }
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    if (GLOB_CHARS.test(given)) {
      const pattern = toPosix(given);
      const scan = picomatch.scan(pattern);
      const base = path.resolve(cwd, scan.base || '.');
      const matcher = picomatch(toPosix(path.resolve(cwd, pattern)), { dot: false });
      walk(base, (file) => matcher(toPosix(file)));
      continue;
    }
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      throw new UsageError(`${given}: no such file or folder`);
    }
    if (stat.isSymbolicLink()) {
      const target = followLink(full);
      if (!target) continue;
      stat = statSync(target);
    }
    if (stat.isDirectory()) walk(full, () => true);
    else add(full);
  }
  const files = [...found.values()].sort(pathOrder);
  return { files, problems, folders, links };
}

/** Files or articles in the order of their absolute paths (code units, not locale): the same on every disk and thread. */
export function pathOrder(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
