/** Where a command reads and writes. Tests pass their own; bin/ passes the process's. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (colour, progress bars). */
  stdoutIsTTY: boolean;
  /** The terminal's width in cells, when stdout is a terminal that reports one. */
  stdoutColumns?: number;
  /** True when stdin is a terminal (prompts). */
  stdinIsTTY: boolean;
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  // `healthmd lint | head` closes the pipe early: that is the reader's choice, not a failure.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdoutColumns: process.stdout.columns,
    // Asked only by commands that prompt: making process.stdin opens a stream (on a pipe, loading
    // net), which a one-file lint in a pre-commit hook would pay for without reading it.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
