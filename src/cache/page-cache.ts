import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { Config } from '../core/config.js';
import type { PageInputs } from '../render/site-renderer.js';
import type { Theme } from '../render/theme.js';
import { CACHE_DIR, CacheMap, healthmdDigest, sha256, statKey } from './cache-file.js';

/** What made one page of the output, and its file as the build that wrote it left it. */
interface Entry {
  inputs: PageInputs;
  /** outputStat of the output file right after the build: while it holds, nobody changed the file. */
  stat: string;
}

export interface PageCacheOptions {
  config: Config;
  theme: Theme;
  baseUrl: string;
  outDir: string;
}

/**
 * What each page of an output folder was made from, kept in `.healthmd/` so that a rebuild leaves
 * a page alone when it would come out the same. Keyed by everything every page depends on alike
 * (healthmd's version and code, the config, the templates, the base URL, the output folder); a
 * page's own inputs (`PageInputs`) are compared page by page, and its file must be as the build
 * left it, so a page edited or removed by hand is made again.
 */
export class PageCache {
  private constructor(
    private readonly store: CacheMap<Entry>,
    private readonly outDir: string,
  ) {}

  static open(options: PageCacheOptions): PageCache {
    const templates = [...options.theme.templates.values()].map((template) => [template.name, template.text]);
    const key = sha256(JSON.stringify([pkg.version, healthmdDigest(), options.config, templates, [...options.theme.assets.keys()], options.baseUrl, options.outDir]));
    return new PageCache(new CacheMap<Entry>(options.config.root, 'pages', key).load(), options.outDir);
  }

  /** False when no earlier build of this output with these settings is known: every page is made. */
  get known(): boolean {
    return this.store.names().length > 0;
  }

  /** What made the page at `file` (relative to the output folder), while its file is as that build left it. */
  previous(file: string): PageInputs | undefined {
    const entry = this.store.get(file);
    if (!entry || outputStat(this.outDir, file) !== entry.stat) return undefined;
    return entry.inputs;
  }

  /** Keeps what made each page of the output just written (its files are taken as they are now), and forgets the rest. */
  record(made: ReadonlyMap<string, PageInputs>): void {
    for (const file of this.store.names()) if (!made.has(file)) this.store.delete(file);
    for (const [file, inputs] of made) {
      const entry = this.store.get(file);
      // A page left unchanged carries the very inputs kept for it: `previous` found its file as that
      // build left it, and the new output holds that file, hard-linked, so its stat is the one kept.
      // (Were it copied instead, the stat kept would not match the copy, and the next build makes the page.)
      if (entry?.inputs === inputs) continue;
      const stat = outputStat(this.outDir, file);
      if (stat === undefined) this.store.delete(file);
      else this.store.set(file, { inputs, stat });
    }
  }

  /** Writes what changed; throws on I/O errors. */
  save(): void {
    this.store.save();
  }
}

/** An output file's statKey without its change time: each rebuild hard-links the file into the new output and removes the old folder, and both change it. */
function outputStat(outDir: string, file: string): string | undefined {
  return statKey(path.join(outDir, file), { changeTime: false });
}

/**
 * Where build keeps the output it replaced, for the next rebuild to bring up to date instead of
 * making every folder again (writeSite's `spare`): in `.healthmd/`, one per output folder.
 */
export function spareOutput(config: Config, outDir: string): string {
  return path.join(config.root, CACHE_DIR, `output-${sha256(outDir).slice(0, 16)}`);
}
