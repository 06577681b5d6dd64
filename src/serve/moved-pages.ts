import type { SitePath } from '../render/links.js';

/**
 * Where each article was last shown, and the addresses articles had before a slug or file name
 * changed, so a page open in a browser follows its article (serve answers the old address with a redirect).
 */
export class MovedPages {
  private readonly last = new Map<string, SitePath>();
  private readonly moved = new Map<SitePath, string>();

  /** Records that the article in `file` is shown at `sitePath` now. */
  shownAt(file: string, sitePath: SitePath): void {
    const before = this.last.get(file);
    if (before !== undefined && before !== sitePath) this.moved.set(before, file);
    this.last.set(file, sitePath);
  }

  /** The address the article in `file` was last shown at; undefined when it never was. */
  lastAt(file: string): SitePath | undefined {
    return this.last.get(file);
  }

  /** The file of the article that was once shown at `sitePath` and has moved since. */
  movedFrom(sitePath: SitePath): string | undefined {
    return this.moved.get(sitePath);
  }
}
