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
    if (!this.file) return this.message;
    const place = this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : '';
    return `${this.file}${place}: ${this.message}`;
  }
}

/** The configuration file is invalid (exit 2). */
export class ConfigError extends HealthmdError {
  constructor(message: string, options: { file?: string; line?: number; column?: number; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: EXIT_USAGE });
    this.name = 'ConfigError';
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
    super(message, { ...options, exitCode: 1 });
    this.name = 'ContentError';
  }
}
