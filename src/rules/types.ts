// zod/mini: the same validation as zod's chained API at a twentieth of the start-up cost.
import type * as z from 'zod/mini';
import type { Article } from '../core/article.js';
import type { Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import type { Fix, Place, Severity } from '../core/diagnostic.js';

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

/**
 * Where a finding is, in the terms a rule already has. The engine turns it into the 1-based line,
 * column, end line and end column of the file on disk; no rule computes those itself.
 */
export type At =
  /** Offsets in `article.body` (end exclusive). */
  | { start: number; end?: number }
  /** Offsets in `article.source`, the file's text (what the front matter is written in). */
  | { sourceStart: number; sourceEnd?: number }
  /** The name of the first of these front-matter keys that is written; else the file's start. */
  | { key: string | readonly string[] }
  /** A front-matter key's value (or its `item`th list entry); else the name of the first `orKey` written; else the file's start. */
  | { value: string; item?: number; orKey?: readonly string[] }
  /** A place the parser found (a YAML error, a duplicate key): passed on, never computed by the rule. */
  | { place: Place }
  /** The file as a whole: its first line. */
  | 'file';

/** Values for a message template's `{{name}}` placeholders; `{ lineOf }` is the file line of a body offset (the engine works it out). */
export type MessageData = Record<string, string | number | { lineOf: number }>;

/** What a rule reports: which message, with what values, where. The engine renders the text and the place. */
export interface RuleReport<MessageId extends string = string> {
  /** One of the rule's `messages` keys (the engine refuses any other). */
  messageId: MessageId;
  data?: MessageData;
  at: At;
  fix?: Fix;
  /** An advisory finding of an error rule (http: links): reported as a warning whatever the rule's severity. */
  severity?: 'warning';
  /** A finding of a fatal rule that does not stop a build (a duplicate key, read as Jekyll reads it). */
  fatal?: false;
}

export interface RuleContext<MessageId extends string = string, Options = Record<string, never>> {
  article: Article;
  config: Config;
  /** The rule's options: its schema's defaults, overridden by `rules.<id>.options` in config (checked when the config loads). */
  options: Options;
  /** Today, as the caller sees it (tests pin it; HEALTHMD_NOW pins it in CI). */
  now: CalendarDate;
  project: ProjectView;
  report(report: RuleReport<MessageId>): void;
}

export interface Rule<MessageId extends string = string, Options = Record<string, never>> {
  /** Stable id, the rule's file name. */
  id: string;
  description: string;
  /** Default severity. */
  severity: Severity;
  /** A finding stops the build whatever the flags (the file or the site cannot be built). */
  fatal?: boolean;
  /** Reports carry safe, idempotent fixes. */
  fixable?: boolean;
  /** Message templates by id: `{{name}}` is replaced by the report's `data.name`. Tests assert the ids. */
  messages: Record<MessageId, string>;
  /**
   * The rule's options, with their defaults: config is checked against it when it loads
   * (`rules.<id>.options`), so a misspelt or wrong-typed option is a config error, never ignored.
   */
  options?: z.ZodMiniType<Options>;
  check(context: RuleContext<MessageId, Options>): void;
}

/** Declares a rule, inferring its message ids from `messages` so `report` accepts only those. */
export function defineRule<const MessageId extends string, Options = Record<string, never>>(rule: Rule<MessageId, Options>): Rule<MessageId, Options> {
  return rule;
}

/** A rule of any messages and options, as the registry and the engine hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<string, any>;
