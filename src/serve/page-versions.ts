import type { SitePath } from '../render/links.js';

/**
 * Which change each page last changed at. A page carries its version to the browser, and the
 * browser's reload stream says which version it has, so a page reloads when, and only when,
 * something it shows has changed since it was served.
 */
export class PageVersions {
  private site = 0;
  private everyPage = 0;
  private readonly pages = new Map<SitePath, number>();

  /** The latest change to anything (what pages that are not part of the site, such as a 404, compare with). */
  get current(): number {
    return this.site;
  }

  /** The change a page last changed at. */
  of(sitePath: SitePath): number {
    return Math.max(this.everyPage, this.pages.get(sitePath) ?? 0);
  }

  /** Records a change to these pages, or to every page. */
  bump(pages: ReadonlySet<SitePath> | 'all'): void {
    this.site++;
    if (pages === 'all') {
      this.everyPage = this.site;
      this.pages.clear();
      return;
    }
    for (const sitePath of pages) this.pages.set(sitePath, this.site);
  }
}
