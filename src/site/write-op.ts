import { constants, copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';

/**
 * One system call of a build's output, queued in order: a folder, a page's text, a copied file,
 * or a file of the previous output taken over as it is (a hard link: no bytes written).
 */
export type WriteOp = ['mkdir', string] | ['write', string, string] | ['copy', string, string] | ['link', string, string];

/** Carries out one queued operation, in the writer thread or (when none could start) in this one. */
export function applyWriteOp(op: WriteOp): void {
  if (op[0] === 'mkdir') mkdirSync(op[1]);
  else if (op[0] === 'write') writeFileSync(op[1], op[2]);
  else if (op[0] === 'copy') copyFileSync(op[1], op[2], constants.COPYFILE_FICLONE);
  else {
    try {
      linkSync(op[1], op[2]);
    } catch {
      copyFileSync(op[1], op[2], constants.COPYFILE_FICLONE);
    }
  }
}
