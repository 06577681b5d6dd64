import path from 'node:path';
import { classifyUrl, localFileVerdict, localPath, type LocalFileVerdict, type UrlClassification } from '../../core/url-safety.js';
import type { RuleContext } from '../types.js';

/**
 * What the build decides for an image an article names by a relative path (`images/spine.png`),
 * with the verdict the renderer uses (article-urls.ts), so what passes here is on the page; the
 * file it looked for, for the message. Undefined for an address that is not a local file.
 */
export function localImage(
  { article, config, project }: Pick<RuleContext, 'article' | 'config' | 'project'>,
  href: string,
  url: UrlClassification = classifyUrl(href, 'image'),
): { verdict: LocalFileVerdict; file: string } | undefined {
  const file = localPath(href, path.dirname(article.path), url);
  if (!file) return undefined;
  return { verdict: localFileVerdict(file, 'image', config.root, (f) => project.isProjectFile?.(f) ?? project.exists(f), (f) => project.exists(f)), file };
}
