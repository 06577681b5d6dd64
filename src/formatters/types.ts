import path from 'node:path';
import type { LintResult } from '../lint/engine.js';
import type { Rule } from '../rules/types.js';
import { toPosix } from '../core/relative-path.js';
import type { RuleHelp } from '../core/rule-help.js';

export interface FormatContext {
  /** File paths in the output are relative to this folder. */
  cwd: string;
  /** Colour for a terminal (stylish only). */
  color: boolean;
  /**
   * Columns the report should fit (stylish only): the terminal's width, or 80 when the report does
   * not go to a terminal. Nothing is ever wrapped; a line is never padded past this.
   */
  width: number;
  /** The rule registry, for descriptions and help (sarif). */
  rules: readonly Rule[];
  /** healthmd's version (sarif's tool.driver.version). */
  version: string;
  /** Each rule's documentation, by id, for reports that carry it (sarif's `help`). */
  ruleHelp?: Readonly<Record<string, RuleHelp>>;
  /** The https address of a rule's page, where the package says it is published (sarif's `helpUri`). */
  ruleUrl?: (ruleId: string) => string | undefined;
}

/** Pure: results in, text out. Only the CLI prints. */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;

/**
 * A result's path as reports show it: relative to `cwd`, with forward slashes on every platform.
 * A path that is already relative is kept as given, so the output never depends on `process.cwd()`.
 */
export function displayPath(filePath: string, cwd: string): string {
  const relative = path.isAbsolute(filePath) && path.isAbsolute(cwd) ? path.relative(cwd, filePath) : filePath;
  return toPosix(relative);
}
