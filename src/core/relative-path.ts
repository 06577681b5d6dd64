import path from 'node:path';

/** A path with forward slashes on every platform, as reports, URLs and globs want it. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** `to` relative to `from` with forward slashes, and `.` for `from` itself: how healthmd names a file to a reader. */
export function relativePath(from: string, to: string): string {
  return toPosix(path.relative(from, to)) || '.';
}
