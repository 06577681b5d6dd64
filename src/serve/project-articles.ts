import { readFileSync, statSync } from 'node:fs';
import { parseArticle, type Article } from '../core/article.js';
import { selectPublished, type PublishOptions } from '../core/publication.js';
import { projectPath, type Config } from '../core/config.js';
import { articleRelPath, discoverArticles, pathOrder, type ArticleFile, type DiscoveryProblem } from '../core/discover.js';
import { HealthmdError } from '../core/errors.js';
import { errorFinding } from './findings.js';
import type { OverlayFinding } from './overlay.js';

/**
 * Every article of the project (drafts too), each parsed once and again only when its file
 * changes. Discovery is the same as lint's and build's; what it cannot read it reports.
 */
export class ProjectArticles {
  private readonly articles = new Map<string, Article>();
  /** Files discovery skipped (broken or outside symbolic links), as it reported them. */
  problems: DiscoveryProblem[] = [];
  /** The articles folder is gone: nothing can be shown until it is back. */
  error?: OverlayFinding;

  /** Reads the whole articles folder. Throws HealthmdError when it is missing. */
  constructor(
    private readonly config: Config,
    private readonly cwd: string,
    private readonly display: (file: string) => string,
  ) {
    const discovery = discoverArticles(config, cwd);
    this.problems = discovery.problems;
    for (const file of discovery.files) {
      const article = this.read(file);
      if (article) this.articles.set(file.path, article);
    }
  }

  has(file: string): boolean {
    return this.articles.has(file);
  }

  values(): IterableIterator<Article> {
    return this.articles.values();
  }

  /** What `build` (with the same `--drafts` and `--future`) would publish, by path. */
  published(publish: PublishOptions): Article[] {
    return selectPublished([...this.articles.values()], publish).published.sort(pathOrder);
  }

  /** An article as project rules see it: one of the project's, or a Markdown file elsewhere, read now. */
  articleAt(file: string): Article | undefined {
    const known = this.articles.get(file);
    if (known) return known;
    try {
      return parseArticle({ path: file, relPath: articleRelPath(this.config, file), content: readFileSync(file), adopt: this.config });
    } catch {
      return undefined;
    }
  }

  /** Re-reads the named files and any the folder gained or lost; returns the paths of articles that changed. */
  refresh(touched: ReadonlySet<string>): Set<string> {
    const changed = new Set<string>();
    const update = (file: ArticleFile) => {
      const old = this.articles.get(file.path);
      const article = this.read(file);
      if (article === old) return;
      if (article) this.articles.set(file.path, article);
      else this.articles.delete(file.path);
      changed.add(file.path);
    };
    // The usual save rewrites articles already known: walking the whole folder again would find nothing new.
    if (!this.error && touched.size > 0 && [...touched].every((file) => this.articles.has(file) && isFile(file))) {
      for (const file of touched) update({ path: file, relPath: this.articles.get(file)!.relPath });
      return changed;
    }
    let files: ArticleFile[];
    try {
      const discovery = discoverArticles(this.config, this.cwd);
      files = discovery.files;
      this.problems = discovery.problems;
      this.error = undefined;
    } catch (error) {
      if (!(error instanceof HealthmdError)) throw error;
      files = [];
      this.error = errorFinding(error, 'files', this.display, this.display(projectPath(this.config, 'articlesDir')));
    }
    const present = new Set(files.map((file) => file.path));
    for (const file of [...this.articles.keys()]) {
      if (present.has(file)) continue;
      this.articles.delete(file);
      changed.add(file);
    }
    for (const file of files) {
      if (!this.articles.has(file.path) || touched.has(file.path)) update(file);
    }
    return changed;
  }

  /** Parses a file, or returns the article already held when the text is the same (a save without changes). */
  private read(file: ArticleFile): Article | undefined {
    let content: Buffer;
    try {
      content = readFileSync(file.path);
    } catch {
      // Gone between discovery and reading (an editor saving by renaming): the next event brings it back.
      return undefined;
    }
    const old = this.articles.get(file.path);
    if (old && !old.problem && old.relPath === file.relPath && content.toString('utf8') === (old.bom ? '\ufeff' : '') + old.source) return old;
    return parseArticle({ path: file.path, relPath: file.relPath, content, adopt: this.config });
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
