import path from 'node:path';
import type { Article } from '../core/article.js';
import { localPath } from '../core/url-safety.js';
import { articleOutputPath } from '../core/url.js';

/** What to lint again after files changed: everything, or the articles whose findings may differ. */
export type LintScope =
  | { all: true }
  | {
      all: false;
      /** Articles whose findings may have changed: the ones that changed and the ones referring to a changed file. */
      needed: Article[];
    };

export interface LintScopeInput {
  /** The articles linted now and before the change. */
  published: readonly Article[];
  previous: readonly Article[];
  /** Absolute paths of what changed on disk (articles added, removed or edited, images, folders). */
  changed: ReadonlySet<string>;
}

/**
 * Works out the smallest set of articles whose lint findings can differ after a change, so a save
 * re-lints one article and its referrers instead of the whole project. Findings that depend on
 * every article (two articles on one URL) make it lint everything whenever URLs move or clash.
 */
export function lintScope(input: LintScopeInput): LintScope {
  const now = urlKeys(input.published);
  const before = urlKeys(input.previous);
  if (now.clash || before.clash || now.keys !== before.keys) return { all: true };

  const needed = input.published.filter((article) => input.changed.has(article.path) || localTargets(article).some((target) => isChanged(target, input.changed)));
  return { all: false, needed };
}

/** True when `target` is one of the changed paths or inside a changed folder. */
export function isChanged(target: string, changed: ReadonlySet<string>): boolean {
  if (changed.has(target)) return true;
  // A renamed or removed folder is reported by its own name, not by the files in it.
  for (const file of changed) if (target.startsWith(file + path.sep)) return true;
  return false;
}

const urlKeyCache = new WeakMap<Article, string>();

/** The output URLs of the parseable articles (as unique-slug compares them), and whether two share one. */
function urlKeys(articles: readonly Article[]): { keys: string; clash: boolean } {
  const keys: string[] = [];
  for (const article of articles) {
    if (article.problem) continue;
    let key = urlKeyCache.get(article);
    if (key === undefined) urlKeyCache.set(article, (key = articleOutputPath(article.relPath, article.data.slug).toLowerCase()));
    keys.push(key);
  }
  keys.sort();
  const clash = keys.some((key, i) => i > 0 && keys[i - 1] === key);
  return { keys: keys.join('\n'), clash };
}

const targetsCache = new WeakMap<Article, string[]>();

/** Absolute paths of the local files an article links to or shows (body links and images, the front-matter image). */
export function localTargets(article: Article): string[] {
  let targets = targetsCache.get(article);
  if (!targets) {
    const folder = path.dirname(article.path);
    const hrefs = article.links.map((link) => link.href);
    if (typeof article.data.image === 'string') hrefs.push(article.data.image);
    targets = [];
    for (const href of hrefs) {
      const file = localPath(href, folder);
      if (file !== undefined) targets.push(file);
    }
    targetsCache.set(article, targets);
  }
  return targets;
}
