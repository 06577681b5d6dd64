import { constants, copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * One system call of a build's output, queued in order: a folder, a page's text, a copied file,
 * or a file of the previous output taken over as it is (a hard link: no bytes written).
 *
 * The `re` operations are for a folder that already holds an earlier output (a recycled spare):
 * whatever is at the path is removed first, never written into, since a file there may be a hard
 * link to the same file in the output readers see. `relink` does nothing when the path already is
 * that file, `refolder` nothing when the folder is there.
 */
export type WriteOp =
  | ['mkdir' | 'refolder', string]
  | ['write' | 'rewrite', string, string]
  | ['copy' | 'recopy' | 'link' | 'relink', string, string];

/** What the writer thread is sent: the operations, and `list` (listTree), whose listing it sends back. */
export type ThreadOp = WriteOp | ['list', string];

/** Carries out one queued operation, in the writer thread or (when none could start) in this one. */
export function applyWriteOp(op: WriteOp): void {
  switch (op[0]) {
    case 'mkdir':
      return mkdirSync(op[1]);
    case 'write':
      return writeFileSync(op[1], op[2]);
    case 'copy':
      return copyFileSync(op[1], op[2], constants.COPYFILE_FICLONE);
    case 'link':
      return linkOrCopy(op[1], op[2]);
    case 'refolder':
      return refolder(op[1]);
    case 'rewrite':
      clear(op[1]);
      return writeFileSync(op[1], op[2]);
    case 'recopy':
      clear(op[2]);
      return copyFileSync(op[1], op[2], constants.COPYFILE_FICLONE);
    case 'relink':
      if (sameFile(op[1], op[2])) return;
      clear(op[2]);
      return linkOrCopy(op[1], op[2]);
  }
}

/**
 * What the folder tree at `root` holds, each folder before what is in it: for each entry a letter
 * (`d` folder, `l` symbolic link, `f` file, `o` anything else; links are not followed) and its
 * path relative to `root`, the entries joined by NUL (which no file name holds): one string is
 * quick to send between threads.
 */
export function listTree(root: string): string {
  const entries: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(relative ? `${root}/${relative}` : root, { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      const kind = entry.isDirectory() ? 'd' : entry.isSymbolicLink() ? 'l' : entry.isFile() ? 'f' : 'o';
      entries.push(kind + name);
      if (kind === 'd') walk(name);
    }
  };
  walk('');
  return entries.join('\0');
}

/** The entries of a listTree listing, in its order. */
export function* treeEntries(listing: string): Generator<{ kind: 'd' | 'l' | 'f' | 'o'; name: string }> {
  if (!listing) return;
  for (const entry of listing.split('\0')) yield { kind: entry[0] as 'd' | 'l' | 'f' | 'o', name: entry.slice(1) };
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/**
 * Makes the folder unless a real folder is there; a file or a symbolic link in its place is
 * removed first, never followed (a link in a spare could lead outside the output).
 */
function refolder(dir: string): void {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return;
  if (stat) unlinkSync(dir);
  mkdirSync(dir);
}

/** Removes what is at `file`, a file or a folder, if anything. */
export function clear(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code !== 'EISDIR' && code !== 'EPERM') throw error;
    rmSync(file, { recursive: true, force: true });
  }
}

/** True when both paths name one file (one inode), so that making one a link of the other changes nothing. */
function sameFile(a: string, b: string): boolean {
  const one = lstatSync(a, { throwIfNoEntry: false, bigint: true });
  const two = one && lstatSync(b, { throwIfNoEntry: false, bigint: true });
  return Boolean(one && two && one.ino === two.ino && one.dev === two.dev);
}
