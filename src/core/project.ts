import { existsSync, readFileSync } from 'node:fs';
import { parseArticle, type Article } from './article.js';
import type { Config } from './config.js';
import { articleRelPath } from './discover.js';
import { projectFileCheck } from './project-file.js';
import { selectPublished, type PublishOptions } from './publication.js';

/**
 * The project one command works on, as the lint engine, the lint gate, build, export, serve and
 * list ask about it. An interface, so that a project read lazily or kept between runs can stand
 * in for the one made here.
 */
export interface Project {
  /** The articles project rules see as the site (unique-slug, internal-links' suggestions): what is published. */
  readonly published: readonly Article[];
  /** The parsed article at an absolute path (drafts included), or undefined when there is none. */
  article(absolutePath: string): Article | undefined;
  /** True when a file exists at an absolute path. */
  exists(absolutePath: string): boolean;
  /** True when a regular file inside the project is at an absolute path, symbolic links resolved: what build copies. */
  isProjectFile(absolutePath: string): boolean;
}

export interface ProjectOptions {
  config: Config;
  /** The articles the command has parsed already, drafts included: each is parsed once, here or by the caller. */
  articles: readonly Article[];
  /** What project rules see; by default what `publish` publishes of `articles`, or all of them without it. */
  published?: readonly Article[];
  /** Decides `published` with the same answer build gives (`--drafts`, `--future`, today). */
  publish?: PublishOptions;
  /** Reads an article that is not among `articles` (a link target elsewhere); by default the file parsed in full, once. */
  load?: (absolutePath: string) => Article | undefined;
  /** By default `projectFileCheck(config.root)`, which remembers each answer for the command's run. */
  isProjectFile?: (absolutePath: string) => boolean;
  /** By default `existsSync`. */
  exists?: (absolutePath: string) => boolean;
  /** Keep each article `load` returns for the command's run (default true); false when `load` keeps what it can itself. */
  remember?: boolean;
}

/** A project over articles already parsed; any other article is read on demand, once. */
export function createProject(options: ProjectOptions): Project {
  const { config, articles } = options;
  const byPath = new Map(articles.map((article) => [article.path, article]));
  const load = options.load ?? ((file: string) => readArticleFile(file, config));
  const loaded = new Map<string, Article | undefined>();
  const published = options.published ?? (options.publish ? selectPublished(articles, options.publish).published : articles);
  const exists = options.exists ?? existsSync;
  return {
    published,
    article(file) {
      const known = byPath.get(file);
      if (known) return known;
      if (options.remember === false) return load(file);
      if (!loaded.has(file)) loaded.set(file, load(file));
      return loaded.get(file);
    },
    exists: (file) => byPath.has(file) || exists(file),
    isProjectFile: options.isProjectFile ?? projectFileCheck(config.root),
  };
}

/** The article in a file, parsed in full; undefined when it cannot be read. */
export function readArticleFile(file: string, config: Config): Article | undefined {
  try {
    return parseArticle({ path: file, relPath: articleRelPath(config, file), content: readFileSync(file), adopt: config });
  } catch {
    return undefined;
  }
}
