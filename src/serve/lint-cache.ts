import { isDeepStrictEqual } from 'node:util';
import type { Article } from '../core/article.js';
import type { Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { createProject } from '../core/project.js';
import { lintGate } from '../site/lint-gate.js';
import { lintScope } from './lint-scope.js';

export interface LintCacheOptions {
  config: Config;
  now: CalendarDate;
  /** The article at a path as serve holds it (read from disk when it is not an article of the site). */
  articleAt(file: string): Article | undefined;
  /** The page's own check of what a link or image may publish, so the overlay and the page agree. */
  isProjectFile(file: string): boolean;
}

/** Serve's lint findings per published article, linted again only where a change can alter them. */
export class LintCache {
  private readonly findings = new Map<string, Diagnostic[]>();

  constructor(private readonly options: LintCacheOptions) {}

  /** The findings of the article at `file` (none when it is not published). */
  of(file: string): readonly Diagnostic[] {
    return this.findings.get(file) ?? [];
  }

  /** Errors and warnings over every published article. */
  totals(): { errorCount: number; warningCount: number } {
    let errorCount = 0;
    let warningCount = 0;
    for (const diagnostics of this.findings.values()) {
      for (const d of diagnostics) d.severity === 'error' ? errorCount++ : warningCount++;
    }
    return { errorCount, warningCount };
  }

  /**
   * Lints again what may have changed (everything, the first time); returns how many were linted
   * and whose findings differ now (articles no longer published included).
   */
  relint(published: readonly Article[], previous: readonly Article[], touched: ReadonlySet<string>, everything: boolean): { linted: number; changedFindings: Set<string> } {
    const scope = everything ? ({ all: true } as const) : lintScope({ published, previous, changed: touched });
    const needed = scope.all ? published : scope.needed;
    const changedFindings = new Set<string>();
    const publishedPaths = new Set(published.map((a) => a.path));
    for (const file of [...this.findings.keys()]) {
      if (publishedPaths.has(file)) continue;
      this.findings.delete(file);
      changedFindings.add(file);
    }
    if (needed.length === 0) return { linted: 0, changedFindings };
    // Project rules (URL clashes, internal-links' suggestions) still see every published article.
    const project = createProject({
      config: this.options.config,
      articles: [],
      published,
      load: (file) => this.options.articleAt(file),
      // As serve has always linted: a file that exists passes as a project file.
      isProjectFile: this.options.isProjectFile,
    });
    const gate = lintGate(needed, { config: this.options.config, now: this.options.now, project });
    for (const result of gate.results) {
      const before = this.findings.get(result.filePath);
      if (!before || !isDeepStrictEqual(before, result.messages)) changedFindings.add(result.filePath);
      this.findings.set(result.filePath, result.messages);
    }
    return { linted: needed.length, changedFindings };
  }
}
