import type { SitePath } from '../render/links.js';
import { PageVersions } from './page-versions.js';

/**
 * Serve's rendered pages and the site's other files (the feed, sitemaps), each kept until
 * something it shows changes, and the version each page last changed at.
 */
export class PageCache {
  readonly versions = new PageVersions();
  private readonly pages = new Map<SitePath, string>();
  private readonly otherFiles = new Map<string, string>();

  /** Forgets what changed pages looked like (and the other files, made from every page), and records that they changed. */
  changed(pages: ReadonlySet<SitePath> | 'all'): void {
    this.versions.bump(pages);
    this.otherFiles.clear();
    if (pages === 'all') this.pages.clear();
    else for (const sitePath of pages) this.pages.delete(sitePath);
  }

  /** A page's HTML, kept or made now by `render`; when `render` throws, nothing is kept. */
  page(sitePath: SitePath, render: () => string): string {
    let body = this.pages.get(sitePath);
    if (body === undefined) {
      body = render();
      this.pages.set(sitePath, body);
    }
    return body;
  }

  /** One of the other files by its path in the site; `make` makes them all at once, when none is kept. */
  otherFile(file: string, make: () => Iterable<[string, string]>): string | undefined {
    if (this.otherFiles.size === 0) for (const [name, content] of make()) this.otherFiles.set(name, content);
    return this.otherFiles.get(file);
  }
}
