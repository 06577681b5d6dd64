import { parseArticle, type Article } from '../../../src/core/article.js';
import { defaultConfig, type Config } from '../../../src/core/config.js';
import { SiteRenderer, type OutputItem, type SiteRenderOptions } from '../../../src/render/site-renderer.js';
import { loadTheme } from '../../../src/site/load-theme.js';

export const ROOT = '/project';
export const ARTICLES = `${ROOT}/articles`;

/** An article of the project at /project, from front matter values and a body. */
export function article(relPath: string, data: Record<string, unknown>, body = 'Some text.\n'): Article {
  const yaml = Object.entries(data)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return parseArticle({ path: `${ARTICLES}/${relPath}`, relPath, content: `---\n${yaml}\n---\n${body}` });
}

export function config(change?: (config: Config) => void): Config {
  const c = defaultConfig(ROOT);
  c.site.baseUrl = 'https://example.org/';
  change?.(c);
  return c;
}

const theme = loadTheme(undefined);

/** Renders a site in memory with the built-in theme; the project's files are `files` (paths under /project). */
export function renderSite(articles: Article[], options: Partial<SiteRenderOptions> & { files?: string[] } = {}) {
  const files = new Set((options.files ?? []).map((f) => `${ROOT}/${f}`));
  const renderer = new SiteRenderer(articles, {
    config: options.config ?? config(),
    baseUrl: options.baseUrl ?? 'https://example.org/',
    theme: options.theme ?? theme,
    linkStyle: options.linkStyle ?? 'server',
    isProjectFile: (file) => files.has(file),
    feeds: options.feeds,
    beforeBodyEnd: options.beforeBodyEnd,
    now: options.now ?? '2024-06-01',
  });
  const output = new Map<string, OutputItem>();
  for (const item of renderer.output()) output.set(item.path, item);
  const text = (path: string): string => {
    const item = output.get(path);
    if (!item || !('content' in item)) throw new Error(`no rendered file ${path}; have ${[...output.keys()].join(', ')}`);
    return item.content;
  };
  return { renderer, output, text };
}
