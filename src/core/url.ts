import { toCalendarDate } from './dates.js';
import { SLUG_PATTERN } from './slug.js';
import { withoutMarkdownExtension } from './markdown-file.js';

const JEKYLL_PREFIX = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/** The date in a Jekyll-style file name (`2024-05-08-mammograms.md`), if any. */
export function fileNameDate(relPath: string): string | undefined {
  const name = relPath.split('/').pop() ?? '';
  const match = JEKYLL_PREFIX.exec(withoutMarkdownExtension(name));
  return match ? toCalendarDate(match[1]) : undefined;
}

/** The file name without its Markdown extension and without a Jekyll date prefix: `2024-05-08-mammograms.md` → `mammograms`. */
export function fileStem(relPath: string): string {
  const name = withoutMarkdownExtension(relPath.split('/').pop() ?? '');
  const jekyll = JEKYLL_PREFIX.exec(name);
  return jekyll && toCalendarDate(jekyll[1]) ? jekyll[2] : name;
}

/**
 * The article's path under `articles/` in the output, without slashes at either end:
 * `sub/back-pain.md` → `sub/back-pain`; a `slug` replaces the file name; a Jekyll date prefix is dropped;
 * `sub/napping/index.md` → `sub/napping`, as Hugo publishes a page bundle at its folder.
 * Folder names are kept as they are on disk (sub-folders are mirrored in URLs), in Unicode's
 * composed form (NFC): `café.md` saved with a combining accent (NFD, as macOS may write it) and
 * with a precomposed é look the same, so they are one page and one folder, and unique-slug sees both.
 */
export function articleOutputPath(relPath: string, slug?: unknown): string {
  const parts = relPath.split('/');
  parts.pop();
  const stem = fileStem(relPath);
  // A page bundle (Hugo's `napping/index.md`, a section's `_index.md`) is the page of its folder.
  const own = (stem === 'index' || stem === '_index') && parts.length > 0 ? parts.pop()! : stem;
  const name = typeof slug === 'string' && SLUG_PATTERN.test(slug) ? slug : own;
  return [...parts, name].join('/').normalize('NFC');
}

/** The site-relative URL of an article page: `articles/<path>/`. */
export function articleUrl(relPath: string, slug?: unknown): string {
  // Joined, not a template: V8 keeps a template's result as a rope, and a site keeps one for each article.
  return ['articles/', articleOutputPath(relPath, slug), '/'].join('');
}
