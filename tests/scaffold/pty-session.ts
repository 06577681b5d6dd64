import path from 'node:path';
import { spawn, type IPty } from 'node-pty';
import { BIN } from '../e2e/helpers.js';

/** Escape sequences a prompt library draws with: colours, cursor moves, erases, OSC titles. */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>]/g;

export const KEY = { enter: '\r', up: '\x1b[A', down: '\x1b[B', ctrlC: '\x03', backspace: '\x7f' };

/**
 * `node bin/healthmd.js …` in a pseudo-terminal, so stdin and stdout are TTYs and healthmd asks its
 * questions. Tests wait for a question to appear on screen, then type the answer as keystrokes.
 */
export class PtySession {
  private raw = '';
  /** Where in the plain output the last awaited text ended; later waits look after it. */
  private seen = 0;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly pty: IPty;

  constructor(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }) {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env })) {
      if (value !== undefined && !(key === 'HEALTHMD_NOW' && value === '')) env[key] = value;
    }
    this.pty = spawn(process.execPath, [BIN, ...args], { name: 'xterm', cols: 120, rows: 40, cwd: path.resolve(options.cwd), env });
    this.pty.onData((data) => {
      this.raw += data;
    });
    this.exited = new Promise((resolve) => this.pty.onExit(resolve));
  }

  /** Everything the program printed so far, without escape sequences. */
  get output(): string {
    return this.raw.replace(ANSI, '');
  }

  /** Waits until `text` appears after what earlier waits consumed. */
  async waitFor(text: string | RegExp, timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const rest = this.output.slice(this.seen);
      const match = typeof text === 'string' ? { index: rest.indexOf(text), length: text.length } : ((m) => ({ index: m?.index ?? -1, length: m?.[0].length ?? 0 }))(text.exec(rest));
      if (match.index !== -1) {
        this.seen += match.index + match.length;
        return;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Types keystrokes, then pauses a moment: inquirer reads keypresses one event-loop turn at a time. */
  async type(keys: string): Promise<void> {
    this.pty.write(keys);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Waits for a question, then answers it and presses Enter. */
  async answer(question: string | RegExp, text: string): Promise<void> {
    await this.waitFor(question);
    await this.type(text);
    await this.type(KEY.enter);
  }

  kill(): void {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
  }
}
