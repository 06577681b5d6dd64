import type { SitePath } from '../render/links.js';
import { percentDecoded } from '../core/url-safety.js';

/**
 * The site path a request URL asks for (`/articles/x/` → `articles/x/`, `/` → `''`,
 * `/articles/x/index.html` → `articles/x/`), or undefined for a path that must get a 404:
 * one that is not absolute, has a bad escape, an empty segment, or a segment that would climb
 * or hide a separator once decoded (`..`, `%2e%2e`, `%2f`, `\`, NUL). Nothing is ever resolved
 * against the file system from this, so refusing here is the whole traversal defence.
 */
export function sitePathOfRequest(url: string): SitePath | undefined {
  const pathname = url.split(/[?#]/, 1)[0];
  if (!pathname.startsWith('/')) return undefined;
  const segments = pathname.slice(1).split('/');
  const folder = segments[segments.length - 1] === '';
  if (folder) segments.pop();
  const decoded: string[] = [];
  for (const segment of segments) {
    const text = percentDecoded(segment);
    if (text === undefined || text === '' || text === '.' || text === '..' || /[/\\\0]/.test(text)) return undefined;
    decoded.push(text);
  }
  if (!folder && decoded[decoded.length - 1] === 'index.html') {
    decoded.pop();
    return decoded.length === 0 ? '' : `${decoded.join('/')}/`;
  }
  if (decoded.length === 0) return '';
  return decoded.join('/') + (folder ? '/' : '');
}
