import type { Article } from '../core/article.js';
import type { Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import type { Report } from '../core/diagnostic.js';

/** What project-wide rules may ask about other files. The engine answers; rules never touch the file system. */
export interface ProjectView {
  /** Every article of the project as project rules see it (by default the ones linted together). */
  articles: readonly Article[];
  /** The parsed article at an absolute path (linted or read on demand), or undefined when there is none. */
  article(absolutePath: string): Article | undefined;
  /** True when a file exists at an absolute path. */
  exists(absolutePath: string): boolean;
  /**
   * True when a regular file inside the project is at an absolute path, symbolic links resolved:
   * what build copies. The engine always answers; a hand-made view without it falls back to `exists`.
   */
  isProjectFile?(absolutePath: string): boolean;
}

export interface RuleContext {
  article: Article;
  config: Config;
  /** The rule's options: its defaults, overridden by `rules.<id>.options` in config. */
  options: Record<string, unknown>;
  /** Today, as the caller sees it (tests pin it; HEALTHMD_NOW pins it in CI). */
  now: CalendarDate;
  project: ProjectView;
  report(report: Report): void;
}

export interface Rule {
  /** Stable id, the rule's file name. */
  id: string;
  description: string;
  /** Default severity. */
  severity: 'error' | 'warn';
  /** A finding stops the build whatever the flags (the file or the site cannot be built). */
  fatal?: boolean;
  /** Reports carry safe, idempotent fixes. */
  fixable?: boolean;
  /** Message ids the rule reports, with a short explanation each (documentation and tests use them). */
  messages: Record<string, string>;
  defaultOptions?: Record<string, unknown>;
  check(context: RuleContext): void;
}
