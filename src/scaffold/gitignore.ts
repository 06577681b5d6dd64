import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { HealthmdError } from '../core/errors.js';
import { ioFailure } from '../core/io-failure.js';

/**
 * Appends the entries a .gitignore lacks (creating it when missing) and returns them. Existing lines
 * are never touched; `public`, `public/` and `/public/` count as the same entry.
 */
export function addToGitignore(file: string, entries: string[]): string[] {
  let text = '';
  try {
    if (existsSync(file)) text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new HealthmdError(`cannot read .gitignore: ${ioFailure(error)}`, { file, cause: error });
  }
  const present = new Set(text.split(/\r?\n/).map(normalise));
  const missing = entries.filter((entry) => !present.has(normalise(entry)));
  if (missing.length === 0) return [];
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' ? '' : text.endsWith('\n') ? newline : newline + newline;
  const block = ['# healthmd: what is built or installed, never committed', ...missing].join(newline) + newline;
  try {
    appendFileSync(file, separator + block);
  } catch (error) {
    throw new HealthmdError(`cannot update .gitignore (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file, cause: error });
  }
  return missing;
}

function normalise(line: string): string {
  return line.trim().replace(/^\//, '').replace(/\/(\*\*)?$/, '');
}
