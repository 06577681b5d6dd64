import path from 'node:path';

/** A path with forward slashes on every platform, as reports, URLs and globs want it. */
export function toPosix(p: string): string {
  // Where the separator is already '/', the path is returned as it is: splitting and joining each
  // of 4,000 paths was a tenth of a one-file lint's discovery.
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** `to` relative to `from` with forward slashes, and `.` for `from` itself: how healthmd names a file to a reader. */
export function relativePath(from: string, to: string): string {
  return toPosix(path.relative(from, to)) || '.';
}
