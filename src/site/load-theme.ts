import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HealthmdError } from '../core/errors.js';
import { isOutsideFolder } from '../core/url-safety.js';
import type { TemplateSource, Theme } from '../render/theme.js';
import { ioFailure } from '../core/io-failure.js';

/**
 * The folder of healthmd's own templates. The code runs from src/site/ in tests and from a
 * bundle in dist/ when installed, so look upwards for the package's templates/layout.liquid.
 */
export function builtInTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'layout.liquid')) && existsSync(path.join(dir, 'package.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new HealthmdError('the built-in templates are missing from this installation of healthmd; reinstall it');
}

/** Template files: the page templates at the top of the folder and anything under partials/. */
const TEMPLATE_FILE = /\.liquid$/;
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * Reads the built-in theme, then lets the project's templatesDir replace any template
 * (`article.liquid`, `partials/toc.liquid`) or asset (`assets/style.css`) by giving a file the
 * same name. Folders other than partials/ and assets/ (the scaffolds `new` and `init` use) are not
 * templates. Files are only ever read from inside the two folders: symbolic links leading out are ignored.
 */
export function loadTheme(projectTemplatesDir: string | undefined, builtIn = builtInTemplatesDir()): Theme {
  const templates = new Map<string, TemplateSource>();
  const assets = new Map<string, string>();
  for (const root of [builtIn, projectTemplatesDir]) {
    if (!root || !isFolder(root)) continue;
    for (const name of filesUnder(root, '')) {
      const file = path.join(root, name);
      if (!isInside(file, root)) continue;
      if (name.startsWith('assets/')) {
        assets.set(name, file);
      } else if (TEMPLATE_FILE.test(name) && (!name.includes('/') || name.startsWith('partials/'))) {
        templates.set(name, { name, file, text: readTemplate(file) });
      }
    }
  }
  return { templates, assets };
}

function filesUnder(root: string, prefix: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    // Only partials/ and assets/ hold theme files; other folders (articles/, init/) are scaffolds.
    if (entry.isDirectory()) {
      if (prefix || entry.name === 'partials' || entry.name === 'assets') names.push(...filesUnder(root, name));
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(path.join(root, name)))) {
      names.push(name);
    }
  }
  return names.sort();
}

function readTemplate(file: string): string {
  try {
    if (statSync(file).size > MAX_TEMPLATE_BYTES) throw new Error(`larger than ${MAX_TEMPLATE_BYTES} bytes`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new HealthmdError(`cannot read template: ${ioFailure(error)}`, { file, cause: error });
  }
}

function isInside(file: string, root: string): boolean {
  try {
    return !isOutsideFolder(realpathSync(file), realpathSync(root));
  } catch {
    return false;
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
