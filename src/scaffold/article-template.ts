import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { HealthmdError } from '../core/errors.js';
import { builtInTemplatesDir } from './package-dir.js';
import { ioFailure } from '../core/io-failure.js';

export interface ArticleTemplate {
  /** Absolute path of the template file. */
  file: string;
  text: string;
}

/** The template a type without one of its own falls back to. Type names cannot start with `_`. */
export const GENERIC_TEMPLATE = '_generic.md';

/**
 * The article template for a type: the project's `<templatesDir>/articles/<type>.md`, else the
 * built-in one, else the generic template (project, then built-in) that lists the type's sections.
 */
export function findArticleTemplate(config: Config, type: string): ArticleTemplate {
  const projectDir = path.resolve(config.root, config.templatesDir, 'articles');
  const builtInDir = path.join(builtInTemplatesDir(), 'articles');
  const candidates = [path.join(projectDir, `${type}.md`), path.join(builtInDir, `${type}.md`), path.join(projectDir, GENERIC_TEMPLATE), path.join(builtInDir, GENERIC_TEMPLATE)];
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) throw new HealthmdError(`no article template for type '${type}'; the healthmd installation is missing ${path.join(builtInDir, GENERIC_TEMPLATE)}`);
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    throw new HealthmdError(`cannot read the article template: ${ioFailure(error)}`, { file, cause: error });
  }
}
