import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { checkOutputFolder, sourceConflict, type BuildMarker, type GuardedPaths } from './output-folder.js';

/** Marks a folder as export output; a build's folder (.healthmd-build.json) is not one. */
export const EXPORT_MARKER = '.healthmd-export.json';

/** The comment of every zip export writes: how a later export knows it may replace the file. */
export const EXPORT_ZIP_COMMENT = 'healthmd export';

/** Where an export goes: a folder (`--out`) or a zip archive (`--zip`), as absolute paths. */
export type ExportTarget = { kind: 'folder'; path: string } | { kind: 'zip'; path: string };

/**
 * Refuses a target an export must not replace, before anything is written: the project, its
 * articles, templates or config, anything inside the articles or templates folder, a symbolic
 * link, and an existing folder or file that an earlier export did not make. Returns the marker of
 * the earlier export folder being replaced, if any.
 */
export function checkExportTarget(target: ExportTarget, guarded: GuardedPaths, display: (p: string) => string): BuildMarker | undefined {
  const where = display(target.path);
  const flag = target.kind === 'folder' ? '--out' : '--zip';
  const conflict = sourceConflict(target.path, guarded);
  if (conflict?.relation === 'inside') {
    throw new UsageError(`${where}: is inside ${conflict.what}, where an export would be read back as content; choose a ${flag} outside it`);
  }
  if (conflict) {
    const example = target.kind === 'folder' ? 'handoff' : 'handoff.zip';
    throw new UsageError(`${where}: refusing to export there: it ${conflict.relation} ${conflict.what}; choose a ${flag} of its own, such as ${example}`);
  }
  if (target.kind === 'folder') return checkOutputFolder(target.path, guarded, display, EXPORT_MARKER);

  let stat;
  try {
    stat = lstatSync(target.path);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) throw new UsageError(`${where}: is a symbolic link; point --zip at the real file`);
  if (stat.isDirectory()) throw new UsageError(`${where}: is a folder; --zip names the archive to write, such as handoff.zip (or use --out for a folder)`);
  if (!isExportZip(target.path)) {
    throw new UsageError(`${where}: exists and is not an archive healthmd exported; remove it or choose another --zip`);
  }
  return undefined;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** True when `file` is a zip archive whose comment says healthmd exported it. */
export function isExportZip(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    // The end-of-central-directory record is the last one whose comment runs exactly to the end.
    for (let at = length - EOCD_SIZE; at >= 0; at--) {
      if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
      const commentLength = tail.readUInt16LE(at + 20);
      if (at + EOCD_SIZE + commentLength !== length) continue;
      return tail.toString('latin1', at + EOCD_SIZE) === EXPORT_ZIP_COMMENT;
    }
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
