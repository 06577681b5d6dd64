import path from 'node:path';
import { classifyUrl, localImageFile, type LocalImage, type UrlClassification } from '../../core/url-safety.js';
import type { RuleContext } from '../types.js';

/**
 * What the build decides for an image an article names by a relative path (`images/spine.png`) or
 * a site-root one (`/uploads/spine.png`, looked for at the project root and in static/), with the
 * verdict the renderer uses (article-urls.ts), so what passes here is on the page; the file it
 * chose and every file it looked at, for the message. Undefined for an address that is not a local file.
 */
export function localImage(
  { article, config, project }: Pick<RuleContext, 'article' | 'config' | 'project'>,
  href: string,
  url: UrlClassification = classifyUrl(href, 'image'),
): LocalImage | undefined {
  return localImageFile(href, path.dirname(article.path), config.root, (f) => project.isProjectFile?.(f) ?? project.exists(f), (f) => project.exists(f), url);
}
