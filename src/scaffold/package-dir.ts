import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of the installed healthmd package (where `templates/` lives). Found by walking up from
 * this module, because the code runs both from `src/` (tests) and from the `dist/` bundle.
 */
export function packageDir(): string {
  if (cached) return cached;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'healthmd') return (cached = dir);
    if (path.dirname(dir) === dir) throw new Error('cannot find the healthmd package folder (its package.json is missing)');
  }
}

function readName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

/** The package's own `templates/` folder. */
export function builtInTemplatesDir(): string {
  return path.join(packageDir(), 'templates');
}
