import path from 'node:path';
import { decodeHTML } from 'entities/decode';

/** Where a URL leads, once normalised the way a browser (or an attacker) might read it. */
export type UrlTarget = 'empty' | 'fragment' | 'relative' | 'web' | 'contact' | 'data-image' | 'site-root' | 'protocol-relative' | 'scheme';

export interface UrlClassification {
  /** `safe`: keep it; `warn`: works but should be upgraded (http:); `unsafe`: never emit it as active content. */
  kind: 'safe' | 'warn' | 'unsafe';
  /** The lower-case scheme without its colon, when the URL has one. */
  scheme?: string;
  target: UrlTarget;
  /** Why, in words a writer understands (no trailing full stop). */
  reason: string;
}

/** Whether the URL is a link's `href` or an image's `src`: only images may be inline data. */
export type UrlUse = 'link' | 'image';

const SCHEME = /^([a-z][a-z0-9+.-]*):/;
/** Image files a page may show, the same formats as inline data: images. SVG is left out: it can carry scripts. */
const PUBLISHABLE_IMAGE = /\.(png|jpe?g|gif|webp|avif)$/i;
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif)(;[a-z0-9=._+-]+)*,/;
const MAX_DECODE_ROUNDS = 5;
const NEEDS_DECODING = /[&%\\\s\u0000-\u001f\u007f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;

/**
 * Classifies a URL from an article for lint (link-safety) and for the renderer, which drops
 * anything `unsafe`. It judges the URL as the most permissive reader would: HTML entities and
 * percent-encoding are decoded (repeatedly, so double encoding does not hide a scheme),
 * whitespace, control and invisible characters are removed, backslashes count as slashes, and
 * an unknown scheme is refused rather than trusted.
 */
export function classifyUrl(href: string, use: UrlUse = 'link'): UrlClassification {
  // Browsers ignore tabs and newlines inside URLs but no sane link holds other control characters.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(href)) {
    return { kind: 'unsafe', target: 'scheme', reason: 'the URL contains control characters' };
  }
  const normal = normaliseUrl(href);
  if (normal === undefined) return { kind: 'unsafe', target: 'scheme', reason: 'the URL is encoded too many times to read' };
  if (/[\u0000-\u001f\u007f]/.test(normal)) {
    return { kind: 'unsafe', target: 'scheme', reason: 'the URL contains encoded control characters' };
  }
  // `[text]()` and `![alt]()`: harmless, but they lead nowhere, so the renderer shows the words instead.
  if (normal === '') return { kind: 'safe', target: 'empty', reason: 'the address is empty' };
  if (normal.startsWith('?')) return { kind: 'safe', target: 'relative', reason: 'a link to this page' };
  if (normal.startsWith('#')) return { kind: 'safe', target: 'fragment', reason: 'a heading on this page' };
  if (normal.startsWith('//')) {
    return { kind: 'unsafe', target: 'protocol-relative', reason: 'a protocol-relative URL (//host) leaves the site with whatever scheme the page has' };
  }
  if (normal.startsWith('/')) {
    // A link to a page of the site (internal-links checks it resolves); an image is a file of the
    // project where Jekyll and Hugo keep one (siteRootFiles), published only if it is there.
    if (use === 'image') return { kind: 'safe', target: 'site-root', reason: 'an image at a site-root path, published from the project root or static/' };
    return { kind: 'safe', target: 'site-root', reason: 'a page of this site' };
  }
  const head = normal.split(/[/?#]/, 1)[0];
  const colon = head.indexOf(':');
  if (colon === -1) return { kind: 'safe', target: 'relative', reason: 'a relative path' };
  const scheme = SCHEME.exec(normal)?.[1];
  if (!scheme || scheme.length !== colon) {
    return { kind: 'unsafe', target: 'scheme', reason: `'${head.slice(0, colon + 1)}' is not a scheme healthmd can trust` };
  }
  return classifyScheme(scheme, normal, use);
}

function classifyScheme(scheme: string, normal: string, use: UrlUse): UrlClassification {
  switch (scheme) {
    case 'https':
      return { kind: 'safe', scheme, target: 'web', reason: 'an https: address' };
    case 'http':
      return { kind: 'warn', scheme, target: 'web', reason: 'an http: address is not encrypted; use https: if the site offers it' };
    case 'mailto':
    case 'tel':
    case 'sms':
      if (use === 'image') return { kind: 'unsafe', scheme, target: 'scheme', reason: `a ${scheme}: address is not an image` };
      return { kind: 'safe', scheme, target: 'contact', reason: `a ${scheme}: address` };
    case 'data':
      if (use === 'image' && DATA_IMAGE.test(normal)) return { kind: 'safe', scheme, target: 'data-image', reason: 'an inline raster image' };
      return {
        kind: 'unsafe',
        scheme,
        target: 'scheme',
        reason:
          use === 'image'
            ? 'only PNG, JPEG, GIF, WebP and AVIF images may be inline data: URLs (SVG can carry scripts)'
            : 'a data: URL in a link can carry a whole page or a script',
      };
    case 'javascript':
    case 'vbscript':
      return { kind: 'unsafe', scheme, target: 'scheme', reason: `a ${scheme}: URL runs code in the reader's browser` };
    case 'file':
      return { kind: 'unsafe', scheme, target: 'scheme', reason: "a file: URL points at a file on the reader's own computer" };
    default:
      return { kind: 'unsafe', scheme, target: 'scheme', reason: `the ${scheme}: scheme is not allowed (use https:, mailto:, tel:, sms: or a relative path)` };
  }
}

/**
 * The URL as the most permissive reader sees it, lower-cased; undefined when decoding never settles.
 * Only for judging the URL: links keep their original text.
 */
function normaliseUrl(href: string): string | undefined {
  // Most URLs hold nothing to decode or strip: skip the rounds (lint classifies every link of every article).
  if (!NEEDS_DECODING.test(href)) return href.toLowerCase();
  let current = href;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    // Character references as a browser reads them in an attribute (numeric ones and the legacy names
    // need no semicolon); a scheme still holding '&' after that is refused anyway.
    const next = stripInvisible(percentDecode(decodeHTML(current))).replace(/\\/g, '/');
    if (next === current) return current.toLowerCase();
    current = next;
  }
  return undefined;
}

function stripInvisible(text: string): string {
  // Whitespace anywhere (browsers drop tabs and newlines inside schemes), controls except those
  // still to be judged, and zero-width or bidi formatting characters that hide a scheme from a reader.
  return text.replace(/[\s\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, '');
}

function percentDecode(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The file a relative URL names, resolved from `fromFolder` (query and fragment dropped,
 * percent-encoding decoded, backslashes read as slashes). Undefined for URLs that are not
 * relative paths, or that name the page itself. Pass `url` when the caller has classified it already.
 */
export function localPath(href: string, fromFolder: string, url: UrlClassification = classifyUrl(href)): string | undefined {
  if (url.target !== 'relative') return undefined;
  const decoded = decodedPathPart(href);
  return decoded === '' ? undefined : path.resolve(fromFolder, decoded);
}

/** The path of a URL: query and fragment dropped, backslashes read as slashes, percent-encoding decoded. */
function decodedPathPart(href: string): string {
  const pathPart = href.trim().replace(/\\/g, '/').split(/[?#]/, 1)[0];
  // A broken escape is kept as written: the file will simply not be found.
  return percentDecoded(pathPart) ?? pathPart;
}

/** `text` with its percent-escapes decoded; undefined where one is broken or not UTF-8 (`%zz`, `%C3`). */
export function percentDecoded(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Where a Jekyll or Hugo site keeps the file a site-root path (`/uploads/a.webp`) serves: the
 * project root (Jekyll's source folder) and Hugo's `static/`, in the order they are looked at.
 */
const SITE_ROOT_FOLDERS = ['', 'static'];

/** The files a site-root image path may name, in the order they are looked at; none for other URLs. */
export function siteRootFiles(href: string, root: string, url: UrlClassification = classifyUrl(href, 'image')): string[] {
  if (url.target !== 'site-root') return [];
  const decoded = decodedPathPart(href);
  return SITE_ROOT_FOLDERS.map((folder) => path.join(root, folder, decoded));
}

/** The file an image names, what becomes of it, and every file looked at (more than one for a site-root path). */
export interface LocalImage {
  file: string;
  verdict: LocalFileVerdict;
  looked: string[];
}

/**
 * The one decision, for lint (link-safety, no-raw-html) and for the renderer alike, on the local
 * file an image names: a relative path from the article's folder, or a site-root path from where
 * Jekyll and Hugo keep such files (the first one that is a project file is published). Undefined
 * for an image that is not a local file (a web address, inline data). `exists` as for `localFileVerdict`.
 */
export function localImageFile(
  href: string,
  fromFolder: string,
  root: string,
  isProjectFile: (file: string) => boolean,
  exists: (file: string) => boolean = isProjectFile,
  url: UrlClassification = classifyUrl(href, 'image'),
): LocalImage | undefined {
  const looked = url.target === 'site-root' ? siteRootFiles(href, root, url) : [localPath(href, fromFolder, url)].filter((file) => file !== undefined);
  if (looked.length === 0) return undefined;
  // A file that is there tells the reason best (a folder, a symbolic link) when none can be published.
  const file = looked.find((candidate) => !isOutsideFolder(candidate, root) && isProjectFile(candidate)) ?? looked.find(exists) ?? looked[0];
  return { file, verdict: localFileVerdict(file, 'image', root, isProjectFile, exists), looked };
}

/** True when `file` (absolute) is not inside `folder`: it is the folder's parent, a sibling, or elsewhere. */
export function isOutsideFolder(file: string, folder: string): boolean {
  const base = path.resolve(folder);
  const resolved = path.resolve(file);
  return resolved !== base && !resolved.startsWith(base.endsWith(path.sep) ? base : base + path.sep);
}

/** True when a local image file is of a kind the build publishes (PNG, JPEG, GIF, WebP, AVIF; never SVG). */
export function isPublishableImage(file: string): boolean {
  return PUBLISHABLE_IMAGE.test(file);
}

/**
 * Files a link may lead to besides images, which build and export copy beside the pages: PDFs,
 * office documents, plain text and CSV. Nothing a browser would run as a page (HTML, SVG, scripts).
 */
const PUBLISHABLE_DOCUMENT = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|txt|csv)$/i;

/** What becomes of a local file an article links to or shows: `publish`, or why it is left out. */
export type LocalFileVerdict = 'publish' | 'outside-project' | 'missing' | 'not-a-project-file' | 'type';

/**
 * The one decision, for lint (link-safety, internal-links) and for the renderer alike, on whether a
 * local file an article names is copied into the site and linked: it must lie inside the project,
 * be a regular file there once symbolic links are resolved (`isProjectFile`), and be of a type the
 * site publishes (images for `image`; images and documents for `link`). `exists` only tells a missing
 * file from one that is elsewhere; the renderer, which needs no reason, may leave it out.
 */
export function localFileVerdict(
  file: string,
  use: UrlUse,
  root: string,
  isProjectFile: (file: string) => boolean,
  exists: (file: string) => boolean = isProjectFile,
): LocalFileVerdict {
  if (isOutsideFolder(file, root)) return 'outside-project';
  if (!isProjectFile(file)) return exists(file) ? 'not-a-project-file' : 'missing';
  const publishable = isPublishableImage(file) || (use === 'link' && PUBLISHABLE_DOCUMENT.test(file));
  return publishable ? 'publish' : 'type';
}
