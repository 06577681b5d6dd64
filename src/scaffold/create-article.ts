import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { ContentError, HealthmdError, UsageError } from '../core/errors.js';
import { SLUG_PATTERN } from '../core/slug.js';
import { findArticleTemplate } from './article-template.js';
import type { NewArticle } from './new-article.js';
import { renderArticle } from './render-article.js';
import { ioFailure } from '../core/io-failure.js';

/**
 * Writes a new article from its type's template and returns its absolute path. Never overwrites:
 * the file is created exclusively, and an existing one is refused (exit 1) and left untouched.
 */
export function createArticle(article: NewArticle, config: Config, cwd: string): string {
  checkType(config, article.type);
  checkSlug(article.slug);
  const folder = articleFolder(config, article.dir);
  const file = path.join(folder, `${article.slug}.md`);
  const display = path.relative(cwd, file);
  const text = renderArticle(findArticleTemplate(config, article.type), article, config, cwd);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new ContentError('already exists and was left as it was; choose another title or pass --slug', { file: display, cause: error });
    }
    throw new HealthmdError(`cannot create the article: ${ioFailure(error)}`, { file: display, cause: error });
  }
  return file;
}

/** Refuses a type the config does not define (usage error, exit 2). */
export function checkType(config: Config, type: string): void {
  if (!config.types[type]) {
    throw new UsageError(`--type ${type}: not a type; expected one of ${Object.keys(config.types).join(', ')} (types are set in the config file)`);
  }
}

/** Refuses a slug that front-matter-schema would refuse (usage error, exit 2). */
export function checkSlug(slug: string): void {
  if (!SLUG_PATTERN.test(slug)) {
    throw new UsageError(`--slug ${slug}: use lower-case letters, digits and hyphens, starting with a letter or digit (e.g. back-pain)`);
  }
}

/** The folder `--dir` names, which must stay inside the articles folder (symbolic links included). */
export function articleFolder(config: Config, dir: string): string {
  const articlesDir = path.resolve(config.root, config.articlesDir);
  const folder = path.resolve(articlesDir, dir);
  const outside = () => new UsageError(`--dir ${dir}: must be a sub-folder of ${config.articlesDir}/`);
  if (!isInside(folder, articlesDir)) throw outside();
  let existing = folder;
  while (!existsSync(existing) && existing !== articlesDir) existing = path.dirname(existing);
  if (existsSync(existing) && existsSync(articlesDir) && !isInside(realpathSync(existing), realpathSync(articlesDir))) throw outside();
  return folder;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
