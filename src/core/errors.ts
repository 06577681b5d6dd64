/** Exit codes: the promise every command keeps. */
export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;

/**
 * An error the user can act on. `exitCode` says whose fault it is (1 content, 2 invocation/healthmd),
 * `file` and `line`/`column` say where, and the message says what to do next.
 */
export class HealthmdError extends Error {
  readonly exitCode: number;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(
    message: string,
    options: { exitCode?: number; file?: string; line?: number; column?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HealthmdError';
    this.exitCode = options.exitCode ?? EXIT_USAGE;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
  }

  /** `file:line:column: message`, the way every failure is shown. */
  describe(): string {
    return located(this.message, this.file, this.line, this.column);
  }
}

/** `file:line:column: message`, as much of the place as is known. */
function located(message: string, file?: string, line?: number, column?: number): string {
  if (!file) return message;
  const place = line ? `:${line}${column ? `:${column}` : ''}` : '';
  return `${file}${place}: ${message}`;
}

/** One thing wrong in a config file, at its place. */
export interface ConfigProblem {
  message: string;
  line?: number;
  column?: number;
}

/**
 * The configuration file is invalid (exit 2). `message`, `line` and `column` are its first problem;
 * `problems` holds every one, in file order, so a user fixes them all in one go.
 */
export class ConfigError extends HealthmdError {
  readonly problems: readonly ConfigProblem[];

  constructor(message: string, options: { file?: string; line?: number; column?: number; cause?: unknown; problems?: ConfigProblem[] } = {}) {
    super(message, { ...options, exitCode: EXIT_USAGE });
    this.name = 'ConfigError';
    this.problems = options.problems ?? [{ message, line: options.line, column: options.column }];
  }

  /** One problem on one line, as every failure is shown; several as a list of `file:line:column: message`. */
  override describe(): string {
    if (this.problems.length < 2) return super.describe();
    const list = this.problems.map((problem) => `  ${located(problem.message, this.file, problem.line, problem.column)}`);
    return [located(`${this.problems.length} problems in the config; fix each:`, this.file), ...list].join('\n');
  }
}

/** The command line is invalid (exit 2). */
export class UsageError extends HealthmdError {
  constructor(message: string) {
    super(message, { exitCode: EXIT_USAGE });
    this.name = 'UsageError';
  }
}

/** The content is at fault (exit 1): a file exists, an article cannot be parsed, a review date is refused. */
export class ContentError extends HealthmdError {
  constructor(message: string, options: { file?: string; line?: number; column?: number; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: EXIT_CONTENT });
    this.name = 'ContentError';
  }
}
