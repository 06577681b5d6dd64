/** What the common file-system errors mean, and what the user can do about each. */
const FAILURES: Record<string, { reason: string; remedy?: string; elsewhere?: boolean }> = {
  EACCES: { reason: 'permission denied', remedy: 'check the permissions of this path and of the folders above it', elsewhere: true },
  EPERM: { reason: 'not permitted', remedy: 'check the permissions of this path and whether it is locked or marked immutable', elsewhere: true },
  EROFS: { reason: 'the file system is read-only', elsewhere: true },
  ENOSPC: { reason: 'no space left on the device', remedy: 'free some space', elsewhere: true },
  EDQUOT: { reason: 'the disk quota is used up', remedy: 'free some space', elsewhere: true },
  ENOENT: { reason: 'no such file or folder' },
  ENOTDIR: { reason: 'a file stands where a folder is needed', remedy: 'move that file out of the way', elsewhere: true },
  EISDIR: { reason: 'it is a folder, not a file', elsewhere: true },
  EMFILE: { reason: 'too many open files', remedy: 'raise the limit (ulimit -n) or close other programs' },
  ENFILE: { reason: 'too many open files on this system', remedy: 'close other programs' },
  EEXIST: { reason: 'something of that name is in the way', remedy: 'move it, or choose another name' },
  EBUSY: { reason: 'the file is busy', remedy: 'close the program using it' },
};

/**
 * An I/O error in the words a message to the user takes: what went wrong, its code, and what to do
 * (`permission denied (EACCES); check the permissions of this path and of the folders above it`).
 * `elsewhere` names what picks another place (`--out`), offered where the place itself is at fault.
 */
export function ioFailure(error: unknown, options: { elsewhere?: string } = {}): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : FAILURES[code];
  // An error of another kind keeps its own words (they hold its code).
  if (!known) return error instanceof Error ? error.message : String(error);
  const remedies = [known.remedy, known.elsewhere && options.elsewhere ? `choose another ${options.elsewhere}` : undefined].filter(Boolean);
  return `${known.reason} (${code})${remedies.length ? `; ${remedies.join(', or ')}` : ''}`;
}
