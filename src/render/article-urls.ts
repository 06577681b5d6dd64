import path from 'node:path';
import { classifyUrl, localFileVerdict, localImageFile, localPath } from '../core/url-safety.js';
import type { SitePath } from './links.js';
import type { UrlUse } from './sanitize-raw-html.js';
import type { SiteLinks } from './site-links.js';
import { relativePath } from '../core/relative-path.js';
import { MARKDOWN_FILE } from '../core/markdown-file.js';

/** Where a URL written in an article leads in the built site. */
export type UrlTarget =
  /** A page or file of the site (an article, a copied image: `source`), plus any `#fragment` (and, for a site-root link, `?query`). */
  | { kind: 'site'; sitePath: SitePath; fragment: string; source?: string }
  /** Left as written: a web or contact address, an inline image, a fragment on the same page. */
  | { kind: 'as-is'; href: string };

export interface ArticleUrlContext {
  /** Project root: nothing outside it is ever copied into the site. */
  root: string;
  /** The site path of the article at an absolute `.md` path, if it is part of the site. */
  articleAt(file: string): SitePath | undefined;
  /** True when an absolute path is a regular file inside the project (symbolic links resolved). */
  isProjectFile(file: string): boolean;
  /** Where site-root links (`/about/`) lead. */
  siteLinks: SiteLinks;
  /**
   * What becomes of a site-root link that leads to no page of the site (internal-links reports
   * it): `keep` it as written, for a web server that may serve it anyway (build, serve); `drop`
   * the link and keep its text where a root-relative href would point at the reader's disk (export).
   */
  unresolvedSiteLink: 'keep' | 'drop';
}

/** Where copied images and documents go: their path in the project, under assets/media/, so two never collide. */
export const MEDIA_FOLDER = 'assets/media/';

/**
 * Resolves a link or image URL from the article at `articleFile`. Undefined means "drop it":
 * an unsafe scheme (whatever the config), an empty address, a link to an article that is not
 * built, a local file the site does not publish (see `localFileVerdict`), an unresolved site-root
 * link in export.
 */
export function resolveArticleUrl(href: string, use: UrlUse, articleFile: string, context: ArticleUrlContext): UrlTarget | undefined {
  const classification = classifyUrl(href, use);
  if (classification.kind === 'unsafe' || classification.target === 'empty') return undefined;
  if (classification.target === 'site-root' && use === 'image') {
    // Lint reports every verdict but publish at the image (link-safety).
    const image = localImageFile(href, path.dirname(articleFile), context.root, context.isProjectFile, context.isProjectFile, classification);
    return image?.verdict === 'publish' ? mediaTarget(context.root, image.file) : undefined;
  }
  if (classification.target === 'site-root') {
    const link = context.siteLinks.resolve(href);
    if (link.kind === 'page') return { kind: 'site', sitePath: link.sitePath, fragment: cleanUrl(link.suffix) ?? '' };
    return context.unresolvedSiteLink === 'keep' ? { kind: 'as-is', href: cleanUrl(href) ?? '' } : undefined;
  }
  if (classification.target !== 'relative') {
    const clean = cleanUrl(href);
    return clean === undefined ? undefined : { kind: 'as-is', href: clean };
  }
  const file = localPath(href, path.dirname(articleFile));
  if (file === undefined) return { kind: 'as-is', href: cleanUrl(href) ?? '' };
  const hash = href.indexOf('#');
  const fragment = hash === -1 ? '' : (cleanUrl(href.slice(hash)) ?? '');
  if (MARKDOWN_FILE.test(file)) {
    const sitePath = use === 'link' ? context.articleAt(file) : undefined;
    return sitePath === undefined ? undefined : { kind: 'site', sitePath, fragment };
  }
  // Lint reports every other verdict at the link (link-safety for images, internal-links for links).
  if (localFileVerdict(file, use, context.root, context.isProjectFile) !== 'publish') return undefined;
  return mediaTarget(context.root, file);
}

/** A project file copied into the site: under assets/media/ at its path in the project. */
function mediaTarget(root: string, file: string): UrlTarget {
  return { kind: 'site', sitePath: MEDIA_FOLDER + relativePath(root, file), fragment: '', source: file };
}

/** True when where a URL leads depends on the site (its pages, files and old URLs), not on the URL alone. */
export function leadsIntoSite(href: string, use: UrlUse): boolean {
  const classification = classifyUrl(href, use);
  return classification.kind !== 'unsafe' && (classification.target === 'site-root' || classification.target === 'relative');
}

/** marked's own clean-up of a URL: percent-encode what must be, keep existing escapes. */
export function cleanUrl(href: string): string | undefined {
  try {
    return encodeURI(href.trim()).replace(/%25/g, '%');
  } catch {
    return undefined;
  }
}
