import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface WatchedFolder {
  path: string;
  kind: 'articles' | 'templates';
}

/** Absolute paths that changed since the last batch, by the kind of folder they are in. */
export interface ChangeBatch {
  articles: string[];
  templates: string[];
}

export interface WatchOptions {
  folders: readonly WatchedFolder[];
  /** Quiet time after the last event before a batch is delivered: one save often fires several events. */
  debounceMs: number;
  onChange(batch: ChangeBatch): void;
  /** A folder cannot be watched (too many watches, gone): the preview keeps serving, without reloading from it. */
  onError(folder: string, error: NodeJS.ErrnoException): void;
  /** Use fs.watch's `recursive` option (default: where the system provides it, macOS and Windows). */
  nativeRecursive?: boolean;
}

export interface ProjectWatcher {
  close(): void;
}

/** A batch waits at most this many debounce periods, so a folder that never goes quiet still rebuilds. */
const MAX_WAIT_PERIODS = 10;
/** Folders never worth watching (discovery and the theme skip them too). */
const SKIPPED = new Set(['node_modules', '.git', '.healthmd']);

/**
 * Watches folders and their sub-folders and delivers the changed paths in debounced batches.
 * macOS and Windows watch a tree natively (`fs.watch` with `recursive: true`). On Linux, Node
 * emulates `recursive` by watching each file, and a file an editor saves by replacing it (vim,
 * `sed -i`, "safe write" IDEs) stops reporting after the first save; newer Node versions poll
 * instead, seconds apart. So there each folder gets its own watch, which sees every entry in it
 * whatever way it is written, and folders are added and dropped as they come and go.
 */
export function watchProject(options: WatchOptions): ProjectWatcher {
  const native = options.nativeRecursive ?? (process.platform === 'darwin' || process.platform === 'win32');
  const watchers = new Map<string, FSWatcher>();
  let pending: ChangeBatch = { articles: [], templates: [] };
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  let closed = false;

  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = { articles: [], templates: [] };
    if (!closed) options.onChange(batch);
  };
  const record = (folder: WatchedFolder, file: string) => {
    pending[folder.kind].push(file);
    const now = Date.now();
    if (timer === undefined) firstAt = now;
    else clearTimeout(timer);
    const wait = Math.max(0, Math.min(options.debounceMs, firstAt + MAX_WAIT_PERIODS * options.debounceMs - now));
    timer = setTimeout(flush, wait);
  };
  const unwatch = (dir: string) => {
    for (const [watched, watcher] of watchers) {
      if (watched === dir || watched.startsWith(dir + path.sep)) {
        watcher.close();
        watchers.delete(watched);
      }
    }
  };
  const watchTree = (folder: WatchedFolder, dir: string, top: boolean) => {
    if (closed || watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive: native }, (_event, name) => {
        // No file name (some platforms, an overflow): anything in the folder may have changed.
        const file = name ? path.join(dir, name) : dir;
        record(folder, file);
        if (top && !isFolder(dir)) {
          // The folder itself went (deleted, renamed): wait for it to come back.
          unwatch(dir);
          awaitFolder(folder);
        } else if (!native && file !== dir) {
          followFolder(folder, file);
        }
      });
    } catch (error) {
      if (top) options.onError(dir, error as NodeJS.ErrnoException);
      return;
    }
    watcher.on('error', (error) => {
      // A sub-folder that was removed ends its watch; only the folders given are worth a word.
      if (top) options.onError(dir, error as NodeJS.ErrnoException);
      unwatch(dir);
    });
    watchers.set(dir, watcher);
    if (native) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED.has(entry.name)) watchTree(folder, path.join(dir, entry.name), false);
    }
  };
  /** A name in a watched folder changed: watch it if it is a new folder, stop watching it if it went. */
  const followFolder = (folder: WatchedFolder, file: string) => {
    const name = path.basename(file);
    if (name.startsWith('.') || SKIPPED.has(name)) return;
    let isFolder = false;
    try {
      isFolder = statSync(file).isDirectory();
    } catch {
      isFolder = false;
    }
    if (isFolder) watchTree(folder, file, false);
    else unwatch(file);
  };

  /** A folder that does not exist yet (a project without its own templates): watch for it to appear. */
  const awaitFolder = (folder: WatchedFolder) => {
    const parent = path.dirname(folder.path);
    try {
      const watcher = watch(parent, (_event, name) => {
        if (name !== path.basename(folder.path) || watchers.has(folder.path)) return;
        try {
          if (!statSync(folder.path).isDirectory()) return;
        } catch {
          return;
        }
        watcher.close();
        watchers.delete(`${parent}${path.sep}`);
        record(folder, folder.path);
        watchTree(folder, folder.path, true);
      });
      watcher.on('error', () => undefined);
      // Keyed apart from a watch of the parent folder itself.
      watchers.set(`${parent}${path.sep}`, watcher);
    } catch {
      // The parent is missing too: there is nothing sensible to wait for.
    }
  };

  for (const folder of options.folders) {
    if (isFolder(folder.path)) watchTree(folder, folder.path, true);
    else awaitFolder(folder);
  }
  return {
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
