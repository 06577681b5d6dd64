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

/** What a rule reports. The engine adds the rule id and the configured severity. */
export interface Report {
  /** Stable id of the message within its rule (tests assert these, not the wording). */
  messageId: string;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  /** An advisory finding of an error rule (http: links): reported as a warning whatever the rule's severity. */
  severity?: 'warning';
  /** A finding of a fatal rule that does not stop a build (a duplicate key, read as Jekyll reads it). */
  fatal?: false;
}

/** A finding as formatters see it. */
export interface Diagnostic extends Omit<Report, 'severity' | 'fatal'> {
  ruleId: string;
  severity: Severity;
  /** The file cannot be processed further (build always stops on these). */
  fatal?: boolean;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
