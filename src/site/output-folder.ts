import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';

/** The file in the output folder that lists what a build wrote: proof the folder is build output. */
export const MARKER = '.healthmd-build.json';

export interface BuildMarker {
  generator: 'healthmd';
  version: string;
  /** Every file the build left in the folder, relative, with forward slashes. */
  files: string[];
}

/** Folders the output must never hold or replace: the project, its articles, templates and config. */
export interface GuardedPaths {
  root: string;
  articlesDir: string;
  templatesDir: string;
  configFile?: string;
}

/** How an output path meets a source: it is one, holds one, or lies inside the articles or templates folder. */
export interface SourceConflict {
  relation: 'is' | 'holds' | 'inside';
  /** "the articles folder". */
  what: string;
}

/**
 * The source an output at `target` would replace or hold, or be read back from: output inside
 * the articles or templates folder would be taken as content (or templates) by the next run and
 * grow with every build.
 */
export function sourceConflict(target: string, guarded: GuardedPaths): SourceConflict | undefined {
  const sources: [string, string][] = [
    [guarded.root, 'the project folder'],
    [guarded.articlesDir, 'the articles folder'],
    [guarded.templatesDir, 'the templates folder'],
  ];
  if (guarded.configFile) sources.push([guarded.configFile, 'the config file']);
  for (const [source, what] of sources) {
    if (contains(target, source)) return { relation: path.resolve(source) === path.resolve(target) ? 'is' : 'holds', what };
  }
  for (const [source, what] of sources.slice(1, 3)) {
    if (contains(source, target)) return { relation: 'inside', what };
  }
  return undefined;
}

/**
 * Checks that `outDir` may be replaced by a build: it is not the project, the articles folder or
 * a parent of them, not inside the articles or templates folder, not a symbolic link, and either
 * absent, empty, or the output of an earlier build (it has the marker). Anything else is refused
 * before a byte is written. `marker` names the marker file (export has its own, so a build's
 * folder is never taken for an export's).
 */
export function checkOutputFolder(outDir: string, guarded: GuardedPaths, display: (p: string) => string, marker = MARKER): BuildMarker | undefined {
  const conflict = sourceConflict(outDir, guarded);
  if (conflict?.relation === 'inside') {
    throw new UsageError(`${display(outDir)}: is inside ${conflict.what}, where the output would be read back by the next build; choose an output folder outside it, such as public`);
  }
  if (conflict) {
    throw new UsageError(`${display(outDir)}: refusing to build into a folder that holds ${conflict.what}; choose an output folder of its own, such as public`);
  }
  let stat;
  try {
    stat = lstatSync(outDir);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) throw new UsageError(`${display(outDir)}: the output folder is a symbolic link; point --out at the real folder`);
  if (!stat.isDirectory()) throw new UsageError(`${display(outDir)}: exists and is not a folder; remove it or choose another --out`);
  const previous = readMarker(outDir, marker);
  if (!previous && readdirSync(outDir).length > 0) {
    throw new UsageError(
      `${display(outDir)}: the folder holds files healthmd did not make (there is no ${marker}); empty it or choose another --out`,
    );
  }
  return previous;
}

/** The marker of an earlier build, or undefined when there is none or it is not healthmd's. */
export function readMarker(outDir: string, file = MARKER): BuildMarker | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path.join(outDir, file), 'utf8'));
  } catch {
    return undefined;
  }
  const marker = value as Partial<BuildMarker> | null;
  if (!marker || marker.generator !== 'healthmd' || !Array.isArray(marker.files)) return undefined;
  return { generator: 'healthmd', version: String(marker.version ?? ''), files: marker.files.filter(isSafeOutputPath) };
}

/** True for a relative path with forward slashes that stays inside the folder it is relative to. */
export function isSafeOutputPath(file: unknown): file is string {
  if (typeof file !== 'string' || file === '' || file.includes('\0') || file.includes('\\')) return false;
  if (file.startsWith('/') || /^[a-zA-Z]:/.test(file)) return false;
  return file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** True when `folder` is `inner` or one of its parents. */
function contains(folder: string, inner: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(inner));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
