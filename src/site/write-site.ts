import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { bundleThreadsAvailable, startBundleThread } from '../core/bundle-thread.js';
import { HealthmdError } from '../core/errors.js';
import { isRunning } from '../core/process-alive.js';
import type { OutputItem } from '../render/site-renderer.js';
import { isSafeOutputPath, MARKER, readMarker, type BuildMarker } from './output-folder.js';
import { removeLater as defaultRemoveLater } from './remove-later.js';
import { applyWriteOp, clear, listTree, treeEntries, type ThreadOp, type WriteOp } from './write-op.js';
import type { WriterData } from './write-worker.js';
import { ioFailure } from '../core/io-failure.js';

export interface WriteSiteOptions {
  /** Absolute path of the output folder (checked by checkOutputFolder first). */
  outDir: string;
  /** The marker of the build that made the current output, if any. */
  previous?: BuildMarker;
  /** Carry over files in the old output that healthmd did not make, such as a CNAME (default true; `--clean` says false). */
  keepForeign?: boolean;
  version: string;
  /** Called after each file is written. */
  onFile?: (file: string) => void;
  /** Removes a replaced output tree (default: in a detached process, off the critical path). */
  removeLater?: (dir: string) => void;
  /** The marker file's name (default MARKER; export marks its folders with its own). */
  marker?: string;
  /**
   * Take over the previous output's files where they would come out the same: a page the renderer
   * says is `unchanged`, or a file of the previous build whose bytes are the same, is hard-linked
   * into the new folder instead of written (build's page cache). Without it an `unchanged` item is an error.
   */
  reuse?: boolean;
  /**
   * Where the replaced output is kept, for the next build with `reuse` to bring up to date and swap
   * in instead of making every folder again (build's: a folder in .healthmd/, on the output's disk).
   * Its files are never trusted: each is taken over only where it is the same file (inode) as the
   * output's, and what the new output does not hold is removed. Without it the replaced tree is removed.
   */
  spare?: string;
}

export interface WriteSiteResult {
  /** Files this build wrote or copied. */
  written: number;
  /** Files kept from the previous output: files healthmd did not make. */
  kept: number;
  /** Files of the previous build taken over as they were (with `reuse`). */
  reused: number;
}

export type StagingOptions = Pick<WriteSiteOptions, 'outDir' | 'removeLater' | 'marker' | 'reuse' | 'spare'>;

/** The operations that put a folder or file in place: in a new folder, or over whatever a recycled spare holds there. */
const INTO_NEW = { folder: 'mkdir', write: 'write', copy: 'copy', link: 'link' } as const;
const INTO_SPARE = { folder: 'refolder', write: 'rewrite', copy: 'recopy', link: 'relink' } as const;

/**
 * The folder beside the output that a build writes the new site into, and the writer thread that
 * makes its folders and files: a new folder, or the spare brought up to date. Opened before the
 * pages are known to be written, it can make their folders while the caller still lints (`prepare`).
 */
export class Staging {
  readonly dir: string;
  readonly recycled: boolean;
  readonly ops: typeof INTO_NEW | typeof INTO_SPARE;
  readonly writer = new BackgroundWriter();
  /** Folders made or queued, relative to `dir`. */
  private readonly made = new Set<string>();
  /** Folders made by `prepare`: one no file lands in is removed before the swap. */
  private readonly prepared = new Set<string>();
  /** What went wrong making a prepared folder: writeSite throws it, after the lint has had its say, as any failure to write. */
  private prepareFailure?: { error: unknown };
  private readonly removeLater: (dir: string) => void;
  private discarded = false;
  /** A recycled spare's listing as it was before this build (listTree), read once the writer is finished. */
  readonly before?: () => string;

  constructor(options: StagingOptions) {
    const { outDir } = options;
    this.removeLater = options.removeLater ?? defaultRemoveLater;
    const parent = path.dirname(outDir);
    const base = path.basename(outDir);
    mkdirSync(parent, { recursive: true });
    sweepLeftovers(parent, base, outDir, this.removeLater);
    if (options.spare) sweepSpares(options.spare, this.removeLater);
    // Not mkdtemp: its folder is private (0700), and a web server must be able to read the site.
    this.dir = path.join(parent, `.${base}.healthmd-build-${process.pid}-${randomBytes(6).toString('hex')}`);
    // A spare is brought up to date only where the previous output's pages can be taken over; a
    // build that writes every page is as quick into empty folders.
    const spareMarker = options.reuse && options.spare && caseSensitive(options.spare) ? readMarker(options.spare, options.marker ?? MARKER) : undefined;
    this.recycled = Boolean(spareMarker && renamed(options.spare!, this.dir));
    if (!this.recycled) mkdirSync(this.dir);
    // What the spare holds before anything is written into it, for prune: the writer thread lists
    // a large one while this thread renders (only this build writes into the staging folder).
    this.before = this.recycled ? this.writer.list(this.dir, spareMarker!.files.length >= IN_THREAD_FIRST) : undefined;
    this.ops = this.recycled ? INTO_SPARE : INTO_NEW;
  }

  /**
   * Makes these folders (relative paths) now, in the writer thread, while the caller works out
   * what goes in them: making thousands of folders takes seconds on some disks. In a recycled
   * spare they are there already.
   */
  prepare(dirs: Iterable<string>): void {
    if (this.recycled || this.prepareFailure) return;
    this.writer.startThread();
    try {
      for (const dir of dirs) {
        if (!isSafeOutputPath(dir)) continue;
        this.folder(dir);
        this.prepared.add(dir);
      }
    } catch (error) {
      // Prepared while the articles are read: the failure waits for writeSite, where the build reports it.
      this.prepareFailure = { error };
    }
  }

  /** Throws what went wrong making the prepared folders, if anything did. */
  checkPrepared(): void {
    if (this.prepareFailure) throw this.prepareFailure.error;
  }

  /** Makes the folder `dir` (relative; '.' is the staging folder itself) and its parents, once. */
  folder(dir: string): void {
    if (dir === '.' || this.made.has(dir)) return;
    this.folder(path.posix.dirname(dir));
    // The parent exists by now: a plain mkdir is one system call, a recursive one several.
    this.writer.queue([this.ops.folder, path.join(this.dir, dir)]);
    this.made.add(dir);
  }

  /** After the writer is finished: removes the prepared folders nothing was written into (deepest first). */
  removeUnused(used: ReadonlySet<string>): void {
    const unused = [...this.prepared].filter((dir) => !used.has(dir));
    for (const dir of unused.sort((a, b) => b.length - a.length)) rmdirSync(path.join(this.dir, dir));
  }

  /** Stops the writer and removes the folder (a failed or stopped build). */
  discard(): void {
    if (this.discarded) return;
    this.discarded = true;
    // Nothing may still be writing into the staging folder when it is removed.
    this.writer.stop();
    this.removeLater(this.dir);
  }
}

/**
 * Writes the site into a fresh folder beside `outDir` (or `staging`, opened earlier) and swaps it
 * in at the end, so readers (and a build killed half-way) only ever see the previous output or the
 * complete new one. The output is exactly what this build published: pages an earlier build wrote
 * (of an article deleted or made a draft since) go. Files in the old output that healthmd did not
 * make are carried over unless `keepForeign` is false. The replaced tree is renamed aside and
 * removed off the critical path, or kept as the spare.
 */
export function writeSite(items: Iterable<OutputItem>, options: WriteSiteOptions, staging?: Staging): WriteSiteResult {
  const { outDir } = options;
  const removeLater = options.removeLater ?? defaultRemoveLater;
  const markerFile = options.marker ?? MARKER;
  const written = new Set<string>();
  let kept = 0;
  let reused = 0;
  try {
    staging ??= new Staging(options);
    staging.checkPrepared();
    const { dir, ops, writer } = staging;
    // Read now: an output folder put back by the sweep was not there when the caller read its marker.
    const previous = options.previous ?? readMarker(outDir, markerFile);
    const ours = new Set(previous?.files ?? []);
    for (const item of items) {
      checkOutputPath(item.path, markerFile);
      if (written.has(item.path)) continue;
      staging.folder(path.posix.dirname(item.path));
      const target = path.join(dir, item.path);
      const old = path.join(outDir, item.path);
      if (options.reuse && ('unchanged' in item || (ours.has(item.path) && sameBytes(old, item)))) {
        writer.queue([ops.link, old, target]);
        reused++;
      } else if ('content' in item) writer.queue([ops.write, target, item.content]);
      else if ('copyFrom' in item) writer.queue([ops.copy, item.copyFrom, target]);
      else throw new Error(`${item.path}: a page kept from the previous output, in a build that does not reuse it`);
      written.add(item.path);
      options.onFile?.(item.path);
    }
    // From here on what is queued is done in this thread, at once.
    writer.finish();
    const folders = withFolders(new Set(), [...written]);
    staging.removeUnused(folders);
    const carried = options.keepForeign !== false ? carryOver(outDir, staging, { written, folders, ours, marker: markerFile }) : [];
    kept = carried.length;
    if (staging.before) prune(dir, staging.before(), new Set([...written, ...carried, markerFile]), withFolders(folders, carried));
    const marker: BuildMarker = { generator: 'healthmd', version: options.version, files: [...written].sort() };
    const markerText = `${JSON.stringify(marker, null, 1)}\n`;
    const markerAt = path.join(dir, markerFile);
    if (options.reuse && sameBytes(path.join(outDir, markerFile), { content: markerText })) writer.queue([ops.link, path.join(outDir, markerFile), markerAt]);
    else writer.queue([ops.write, markerAt, markerText]);
  } catch (error) {
    staging?.discard();
    if (error instanceof HealthmdError) throw error;
    throw new HealthmdError(`could not write the output (the previous output is unchanged): ${ioFailure(error)}`, { file: outDir, cause: error });
  }
  swap(staging.dir, outDir, path.dirname(outDir), path.basename(outDir), { removeLater, spare: options.spare, marker: markerFile });
  return { written: written.size - reused, kept, reused };
}

/** Refuses an output path that would leave the output folder or overwrite its marker. */
function checkOutputPath(file: string, marker: string): void {
  if (!isSafeOutputPath(file) || file === marker) throw new Error(`refusing to write outside the output folder: ${JSON.stringify(file)}`);
}

/** True when the file at `target` already holds what `item` would write. */
function sameBytes(target: string, item: { content: string } | { copyFrom: string }): boolean {
  try {
    const bytes = readFileSync(target);
    if ('content' in item) return bytes.length === Buffer.byteLength(item.content) && bytes.toString('utf8') === item.content;
    return statSync(item.copyFrom).size === bytes.length && readFileSync(item.copyFrom).equals(bytes);
  } catch {
    return false;
  }
}

interface CarryOver {
  /** The files and folders the new output holds. */
  written: ReadonlySet<string>;
  folders: ReadonlySet<string>;
  /** The files an earlier build made, which are not carried over. */
  ours: ReadonlySet<string>;
  marker: string;
}

/**
 * Carries the files in the old output that no healthmd build made into the staging folder (hard
 * links: instant, no copy). Returns their names.
 */
function carryOver(outDir: string, staging: Staging, { written, folders, ours, marker }: CarryOver): string[] {
  if (!existsSync(outDir)) return [];
  const carried: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(outDir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (name === marker) continue;
      if (entry.isDirectory()) {
        walk(name);
        continue;
      }
      if (written.has(name) || ours.has(name)) continue;
      const from = path.join(outDir, name);
      const to = path.join(staging.dir, name);
      // A file someone put there must not be lost under a page of the new site.
      if (inTheWay(name, written, folders)) throw new HealthmdError(`${name} is in the way of a file the build writes; move it out of the output folder`, { file: from });
      staging.folder(path.posix.dirname(name));
      carryFile(from, to, entry.isSymbolicLink(), staging);
      carried.push(name);
    }
  };
  walk('');
  return carried;
}

/** True when the new output has a file or folder at `name`, or a file at one of its parent paths. */
function inTheWay(name: string, written: ReadonlySet<string>, folders: ReadonlySet<string>): boolean {
  if (folders.has(name)) return true;
  for (let at = path.posix.dirname(name); at !== '.'; at = path.posix.dirname(at)) if (written.has(at)) return true;
  return false;
}

/** The folders that hold the output's pages and the files carried over. */
function withFolders(folders: ReadonlySet<string>, carried: readonly string[]): Set<string> {
  const all = new Set(folders);
  for (const name of carried) for (let at = path.posix.dirname(name); at !== '.'; at = path.posix.dirname(at)) all.add(at);
  return all;
}

/**
 * Removes from a recycled spare every file and folder the new output does not hold, given what it
 * held before this build (`before`, a listTree listing). Only this build wrote into it since, and
 * only at `files` and `folders`, so whatever else is there now was there before: each entry of
 * the listing that is neither, in a folder the output keeps, is removed (with what is in it).
 */
function prune(root: string, before: string, files: ReadonlySet<string>, folders: ReadonlySet<string>): void {
  for (const { name } of treeEntries(before)) {
    const parent = path.posix.dirname(name);
    // A folder the output does not keep was removed with what was in it, or a file took its place.
    if (parent !== '.' && !folders.has(parent)) continue;
    if (!files.has(name) && !folders.has(name)) clear(path.join(root, name));
  }
}

/**
 * False on a disk that does not tell `Back-Pain` from `back-pain` (macOS and Windows by default):
 * there a folder renamed only in case would keep its old name in a spare, and be pruned with the
 * pages written into it, so a rebuild writes into new folders instead. Asked of the spare's own
 * name, which has letters of both cases.
 */
function caseSensitive(spare: string): boolean {
  const base = path.basename(spare);
  const other = base === base.toUpperCase() ? base.toLowerCase() : base.toUpperCase();
  return other === base || !existsSync(path.join(path.dirname(spare), other));
}

/** Renames `from` to `to`; false when it cannot (another disk, say). */
function renamed(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch {
    return false;
  }
}

function carryFile(from: string, to: string, symlink: boolean, staging: Staging): void {
  if (symlink) {
    if (staging.recycled) clear(to);
    symlinkSync(readlinkSync(from), to);
    return;
  }
  if (!statSync(from).isFile()) throw new HealthmdError('is not a regular file and cannot be kept; move it out of the output folder', { file: from });
  staging.writer.queue([staging.ops.link, from, to]);
}

const LEFTOVER = /^\.(.+)\.healthmd-(build|old|trash)-(\d+)-[A-Za-z0-9]+$/;

/**
 * The previous output a run killed between the two renames of its swap left aside, when `outDir`
 * is missing (the newest, should there be several); undefined when the output is whole. Process
 * ids are not consulted: build and export swap under the output's lock, so no other run can be
 * between its renames, and an id in the name may belong to another process by now (in a
 * container every run can get the same one).
 */
export function halfSwapped(outDir: string): string | undefined {
  if (existsSync(outDir)) return undefined;
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  let olds: string[];
  try {
    olds = readdirSync(parent)
      .filter((name) => {
        const match = LEFTOVER.exec(name);
        return match?.[1] === base && match[2] === 'old';
      })
      .map((name) => path.join(parent, name));
  } catch {
    return undefined;
  }
  return olds.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/**
 * Cleans up after runs that were killed: staging folders and replaced trees are removed, and an
 * output folder that was renamed aside just before a swap (the only moment `outDir` is missing)
 * is put back.
 */
function sweepLeftovers(parent: string, base: string, outDir: string, removeLater: (dir: string) => void): void {
  const aside = halfSwapped(outDir);
  if (aside) {
    try {
      renameSync(aside, outDir);
    } catch (error) {
      throw new HealthmdError(
        `the previous output is in ${path.basename(aside)} (a run was killed while replacing it) and could not be put back: ${ioFailure(error)}; rename it to ${base} and run again`,
        { file: outDir, cause: error },
      );
    }
  }
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const match = LEFTOVER.exec(name);
    if (match && match[1] === base && !isRunning(Number(match[3]))) removeLater(path.join(parent, name));
  }
}

/**
 * Puts the staging folder where the output was. Node has no atomic exchange of two folders
 * (renameat2's RENAME_EXCHANGE), so this is two renames with nothing between them; a kill in that
 * window leaves the old output aside, which the next build or export puts back (sweepLeftovers)
 * and serve points out (halfSwapped). A symbolic link swapped in one rename would close the window
 * but make the output a link, which rsync, Docker's COPY and some Pages uploaders copy as a link
 * rather than as the site.
 */
interface SwapOptions {
  removeLater: (dir: string) => void;
  spare?: string;
  marker: string;
}

function swap(staging: string, outDir: string, parent: string, base: string, { removeLater, spare, marker }: SwapOptions): void {
  const aside = path.join(parent, `.${base}.healthmd-old-${process.pid}-${Date.now().toString(36)}`);
  const hadOutput = existsSync(outDir);
  try {
    if (hadOutput) renameSync(outDir, aside);
    renameSync(staging, outDir);
  } catch (error) {
    if (hadOutput && !existsSync(outDir) && existsSync(aside)) renameSync(aside, outDir);
    removeLater(staging);
    throw new HealthmdError(`could not replace the output folder (the previous output is unchanged): ${ioFailure(error)}`, { file: outDir, cause: error });
  }
  if (!hadOutput) return;
  if (spare && keptAsSpare(aside, spare, marker, removeLater)) return;
  // A distinct name once the swap is done: "old" means "put me back" to the next build, "trash" never does.
  const trash = aside.replace('.healthmd-old-', '.healthmd-trash-');
  try {
    renameSync(aside, trash);
    removeLater(trash);
  } catch {
    removeLater(aside);
  }
}

/**
 * Keeps the replaced output as the spare the next build brings up to date. A spare of ours already
 * there (a build that wrote every page did not take it) is removed; a folder there that is not
 * ours is left alone, and so is the replaced output then (removed by the caller).
 */
function keptAsSpare(aside: string, spare: string, marker: string, removeLater: (dir: string) => void): boolean {
  if (existsSync(spare)) {
    if (!readMarker(spare, marker)) return false;
    const trash = `${spare}${SPARE_TRASH}${process.pid}-${Date.now().toString(36)}`;
    if (!renamed(spare, trash)) return false;
    removeLater(trash);
  }
  try {
    mkdirSync(path.dirname(spare), { recursive: true });
  } catch {
    return false;
  }
  return renamed(aside, spare);
}

/** Between a spare's name and the id of the run that replaced it, in the name it is removed under. */
const SPARE_TRASH = '.trash-';

/** Removes replaced spares a killed run left beside `spare`. */
function sweepSpares(spare: string, removeLater: (dir: string) => void): void {
  const prefix = `${path.basename(spare)}${SPARE_TRASH}`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(spare));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? Number.parseInt(name.slice(prefix.length), 10) : Number.NaN;
    if (Number.isInteger(pid) && !isRunning(pid)) removeLater(path.join(path.dirname(spare), name));
  }
}

/**
 * What may be queued before the writer waits for the thread to catch up: operations, and characters
 * of page text, so that the memory pages in flight take is bounded whatever their size (a tag page
 * of a 100,000-article site is 4 MB; 256 such pages in flight took 200 MB, 16 Mi characters 70 MB
 * above the rest of the build). A single larger page still goes, alone. The text bounds the memory;
 * the count is high so that a rebuild's thousands of small operations (a hard link per page) do
 * not keep this thread waiting on the writer: with 256, a 4,000-article rebuild waited 75 ms.
 */
const MAX_IN_FLIGHT = 4096;
const MAX_TEXT_IN_FLIGHT = 4 * 2 ** 20;
/**
 * Page text this long is written by the rendering thread itself, once the writer thread has done
 * what it was sent: sent, it would be copied twice more (into the message, then into the writer's
 * heap), and a large site's tag pages and sitemaps (4-9 MB of string each) are made last, where
 * everything the build keeps is still held.
 */
const WRITE_HERE_TEXT = 2 ** 20;
/**
 * Operations, or characters of page text, sent to the thread in one message. Each message costs
 * about 0.1 ms to send: in batches of 16, a 4,000-article rebuild's 9,000 operations took 77 ms of
 * postMessage.
 */
const BATCH = 128;
const BATCH_TEXT = 2 ** 20;
/**
 * What was sent to the writer thread and is not known to be done, in operations and in characters
 * of page text: too much of either, and the renderer waits for the thread to catch up.
 */
export class InFlight {
  /** The messages not known to be done, oldest first: the operations sent up to and with each, and its text. */
  private readonly messages: Array<{ upTo: number; text: number }> = [];
  private sent = 0;
  private text = 0;

  constructor(private readonly limits = { operations: MAX_IN_FLIGHT, text: MAX_TEXT_IN_FLIGHT }) {}

  /** Notes a message of `operations` operations holding `text` characters of page text. */
  add(operations: number, text: number): void {
    this.sent += operations;
    this.messages.push({ upTo: this.sent, text });
    this.text += text;
  }

  /** True while anything sent is not done, the thread having done `done` operations. */
  pending(done: number): boolean {
    return this.sent > done;
  }

  /** True while more is in flight than the limits allow, the thread having done `done` operations (in order). */
  tooMuch(done: number): boolean {
    while (this.messages.length > 0 && this.messages[0].upTo <= done) this.text -= this.messages.shift()!.text;
    return this.sent - done > this.limits.operations || this.text > this.limits.text;
  }
}

/**
 * Operations done in this thread before the writer thread starts: a thread takes 30-40 ms to start,
 * longer than this thread takes to write a small site, which is then written without one.
 */
const IN_THREAD_FIRST = 128;

/**
 * Makes folders and writes files in a worker thread, in order, while this thread renders the next
 * pages: on a slow disk the system calls cost as much as the rendering. `finish` waits until every
 * queued operation is done and throws the first failure.
 */
class BackgroundWriter {
  /** Undefined until the thread starts, and when none could be: the writer then works in this thread. */
  private port?: MessagePort;
  private readonly state = new Int32Array(new SharedArrayBuffer(12));
  private batch: ThreadOp[] = [];
  /** Characters of page text in `batch`. */
  private batchText = 0;
  private queued = 0;
  private readonly inFlight = new InFlight();
  private finished = false;
  private threadTried = false;
  /** The listings the thread sent back (`list`), in the order they were asked for. */
  private readonly listings: string[] = [];
  private listed = 0;

  /**
   * Starts the writer thread, once: `port` is its end of the channel, or stays undefined where no
   * thread can be started. Called early by a caller that knows there are thousands of operations
   * to come, and otherwise after the first IN_THREAD_FIRST were done here.
   */
  startThread(): void {
    if (this.finished || this.threadTried) return;
    this.threadTried = true;
    this.port = this.openThread();
  }

  private openThread(): MessagePort | undefined {
    // Run from the source tree (the unit tests) there is no bundle to start, and the writer works in this thread.
    if (!bundleThreadsAvailable('write')) return undefined;
    const { port1, port2 } = new MessageChannel();
    try {
      const workerData: WriterData = { port: port2, shared: this.state.buffer as SharedArrayBuffer };
      const worker = startBundleThread('write', workerData, { transferList: [port2] });
      worker.unref();
      return port1;
    } catch {
      port1.close();
      return undefined;
    }
  }

  finish(): void {
    const failure = this.stop();
    if (failure) throw Object.assign(new Error(failure.message), { code: failure.code ?? undefined });
  }

  /** Waits for the thread to finish what was queued; returns its failure, if any. */
  stop(): { code?: string; message: string } | undefined {
    if (this.finished) return undefined;
    this.finished = true;
    if (!this.port) return undefined;
    this.flush();
    this.port.postMessage('finish');
    Atomics.wait(this.state, 0, 0);
    let reply: { code?: string; message: string } | null | undefined;
    for (let received = receiveMessageOnPort(this.port); received; received = receiveMessageOnPort(this.port)) {
      if (typeof received.message === 'string') this.listings.push(received.message);
      else reply = received.message as typeof reply;
    }
    this.port.close();
    return reply ?? undefined;
  }

  /**
   * Lists the tree at `root` (listTree) as it is before any operation queued after this call: in
   * the writer thread when `inBackground` (the thread is started for it), while this thread goes
   * on, or here at once. The listing is read after `finish`; reading it throws what the listing threw.
   */
  list(root: string, inBackground: boolean): () => string {
    if (inBackground) this.startThread();
    if (!this.port || this.finished) {
      let listing: string | undefined;
      let failure: unknown;
      try {
        listing = listTree(root);
      } catch (error) {
        failure = error;
      }
      return () => {
        if (listing === undefined) throw failure;
        return listing;
      };
    }
    const index = this.listed++;
    this.batch.push(['list', root]);
    this.flush();
    return () => {
      if (!this.finished || this.listings[index] === undefined) throw new Error(`the listing of ${root} is not there: the writer stopped before it`);
      return this.listings[index];
    };
  }

  /** Queues an operation; once the writer has finished, carries it out in this thread at once. */
  queue(op: WriteOp): void {
    if (this.finished) return applyWriteOp(op);
    // Started once, after the first operations were done here: those are all done, so order is kept.
    if (this.queued++ === IN_THREAD_FIRST) this.startThread();
    if (!this.port) return applyWriteOp(op);
    // A failed write stops the build now instead of after every page is rendered.
    if (Atomics.load(this.state, 2) === 1) this.finish();
    if ((op[0] === 'write' || op[0] === 'rewrite') && op[2].length >= WRITE_HERE_TEXT) {
      // After everything queued before it, so the order holds.
      this.flush();
      this.wait((done) => this.inFlight.pending(done));
      if (Atomics.load(this.state, 2) === 1) this.finish();
      return applyWriteOp(op);
    }
    this.batch.push(op);
    if (op[0] === 'write' || op[0] === 'rewrite') this.batchText += op[2].length;
    if (this.batch.length < BATCH && this.batchText < BATCH_TEXT) return;
    this.flush();
    this.wait((done) => this.inFlight.tooMuch(done));
  }

  /** Waits while `busy` says so of the operations the thread has done. */
  private wait(busy: (done: number) => boolean): void {
    for (let done = Atomics.load(this.state, 1); busy(done); done = Atomics.load(this.state, 1)) Atomics.wait(this.state, 1, done, 1000);
  }

  private flush(): void {
    if (this.batch.length === 0 || !this.port) return;
    this.port.postMessage(this.batch);
    this.inFlight.add(this.batch.length, this.batchText);
    this.batch = [];
    this.batchText = 0;
  }
}
