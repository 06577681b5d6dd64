import { createWriteStream, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { CalendarDate } from '../core/dates.js';
import { HealthmdError } from '../core/errors.js';
import type { OutputItem } from '../render/site-renderer.js';
import { EXPORT_MARKER, EXPORT_ZIP_COMMENT } from './export-target.js';
import { removeLater as defaultRemoveLater } from './remove-later.js';
import { isRunning } from '../core/process-alive.js';
import { writeSite } from './write-site.js';
import { ioFailure } from '../core/io-failure.js';

export interface WriteZipOptions {
  /** Absolute path of the archive (checked by checkExportTarget first). */
  zipFile: string;
  version: string;
  /** The day every entry is dated (the newest article's, so the same input gives the same bytes). */
  date: CalendarDate | undefined;
  removeLater?: (dir: string) => void;
}

/** Every entry's mode: a plain file readable by all, whatever the umask was when it was written. */
const FILE_MODE = 0o100644;

/**
 * Writes the items as a zip archive that holds exactly what a folder export would: the bundle is
 * written (by writeSite, marker included) into a work folder beside the archive, packed from there,
 * and the archive renamed over `zipFile` only once it is complete. Returns the archive's size.
 */
export async function writeZip(items: Iterable<OutputItem>, options: WriteZipOptions): Promise<number> {
  const removeLater = options.removeLater ?? defaultRemoveLater;
  const parent = path.dirname(options.zipFile);
  const base = path.basename(options.zipFile);
  mkdirSync(parent, { recursive: true });
  sweepLeftovers(parent, base, removeLater);
  const work = path.join(parent, `.${base}.healthmd-export-${process.pid}-${randomBytes(6).toString('hex')}`);
  mkdirSync(work);
  try {
    const bundle = path.join(work, 'bundle');
    writeSite(items, { outDir: bundle, version: options.version, marker: EXPORT_MARKER, removeLater });
    const partial = path.join(work, 'bundle.zip');
    try {
      await packFolder(bundle, partial, zipDate(options.date));
      renameSync(partial, options.zipFile);
    } catch (error) {
      throw new HealthmdError(`could not write the archive (the previous archive is unchanged): ${ioFailure(error, { elsewhere: '--zip' })}`, { file: options.zipFile, cause: error });
    }
    return statSync(options.zipFile).size;
  } finally {
    removeLater(work);
  }
}

/**
 * Packs every file under `dir` into `zipFile`, streamed, in sorted path order, each entry with the
 * same date and mode and no extended timestamp (which would carry the time zone into the bytes).
 */
export async function packFolder(dir: string, zipFile: string, mtime: Date): Promise<void> {
  const zip = new ZipFile();
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  for (const file of filesUnder(dir)) {
    zip.addFile(path.join(dir, file), file, { mtime, mode: FILE_MODE, compress: true, forceDosTimestamp: true });
  }
  zip.end({ comment: EXPORT_ZIP_COMMENT, forceZip64Format: false });
  await Promise.race([pipeline(zip.outputStream, createWriteStream(zipFile)), failed]);
}

/** Relative paths with forward slashes, sorted by code unit so the order never depends on the disk. */
function filesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else files.push(name);
    }
  };
  walk('');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Zip dates are local wall-clock fields (no time zone), so a date made from local fields is stored
 * as the same day everywhere. Noon, because in some zones a daylight-saving change skips midnight.
 * The format starts in 1980 and ends in 2107.
 */
function zipDate(date: CalendarDate | undefined): Date {
  const [y, m, d] = (date ?? '1980-01-01').split('-').map(Number);
  if (y < 1980) return new Date(1980, 0, 1, 12);
  if (y > 2107) return new Date(2107, 11, 31, 12);
  return new Date(y, m - 1, d, 12);
}

const LEFTOVER = /^\.(.+)\.healthmd-export-(\d+)-[0-9a-f]+$/;

/** Removes work folders of exports to the same archive that were killed half-way. */
function sweepLeftovers(parent: string, base: string, removeLater: (dir: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const match = LEFTOVER.exec(name);
    if (match && match[1] === base && !isRunning(Number(match[2]))) removeLater(path.join(parent, name));
  }
}
