/** A 1-based place in a file as it is on disk (front matter included). */
export interface Place {
  line: number;
  column: number;
}

/** A text edit on the file as it is on disk: replace `range` (UTF-16 offsets, end exclusive) with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

export type Severity = 'error' | 'warning';

/** A finding as formatters see it: the engine builds it from what a rule reports (src/rules/types.ts). */
export interface Diagnostic {
  ruleId: string;
  /** Stable id of the message within its rule (tests assert these, not the wording). */
  messageId: string;
  /** The rule's template for `messageId`, filled with `data`. */
  message: string;
  /** The values the message was filled with, so tests and tools need not parse the wording. */
  data?: Record<string, string | number>;
  severity: Severity;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  /** The file cannot be processed further (build always stops on these). */
  fatal?: boolean;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
