import { spawn } from 'node:child_process';
import { chownSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempFolder } from '../support/temp-folders.js';

/** The repository root (tests/e2e/ is two levels down). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI entry point the end-to-end tests spawn; run `node scripts/bundle.mjs` first. */
export const BIN = path.join(REPO, 'bin', 'healthmd.js');

export interface RunOptions {
  /** Working directory of the child (default: the repository root). */
  cwd?: string;
  /** Extra environment; `undefined` values remove a variable. NO_COLOR is set unless given. */
  env?: Record<string, string | undefined>;
  /** Text or bytes written to stdin, which is then closed. Without it stdin is closed at once. */
  input?: string | Uint8Array;
  /** Kill the child after this many milliseconds (default 20 s). */
  timeout?: number;
  /** Run the child as this user and group (see boundByPermissions). */
  uid?: number;
  gid?: number;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `node bin/healthmd.js ...args` and collects its output. Never rejects on a non-zero exit:
 * the exit code is part of what tests assert. A child killed by a signal or the timeout reports -1.
 */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  // Colour is off unless a test asks for it: a FORCE_COLOR inherited from CI would change output.
  const inherited: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...inherited, ...options.env })) {
    // vitest.config.ts sets HEALTHMD_NOW='' for the test process; an empty pin means "not pinned".
    if (value !== undefined && !(key === 'HEALTHMD_NOW' && value === '')) env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env,
      uid: options.uid,
      gid: options.gid,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 20_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    // The child may exit before reading stdin; a closed pipe is not a test failure.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Makes a fresh folder under the system temp dir holding `files` (relative path → content;
 * parent folders are created). Returns its real path, so paths in output compare equal on
 * systems where the temp dir is a symlink.
 */
export function tempProject(files: Record<string, string | Uint8Array> = {}): string {
  const dir = realpathSync(tempFolder('healthmd-test-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/**
 * A medical article with front matter that passes every rule (reviewed 2024-05-10: lint it with
 * HEALTHMD_NOW=2024-06-01), `body` and then its Sources and Disclaimer sections; `extra` goes
 * into the front matter.
 */
export function healthArticle(body: string, { title = 'Staying Active With Back Pain', extra = '', date = '2024-05-08' }: { title?: string; extra?: string; date?: string } = {}): string {
  return `---
title: ${title}
description: Simple ways to keep moving when your back hurts, and when to ask your doctor for help.
date: ${date}
author: Sam Lee
reviewedBy: "Dr Ann Bell, MRCGP"
lastReviewed: 2024-05-10
${extra}---
${body}
## Sources

- NHS. [Back pain](https://www.nhs.uk/conditions/back-pain/).

## Disclaimer

This page gives general information only. Ask your doctor about your own health.
`;
}

/** A whole lint-clean article: an opening paragraph, `body` after it, and a section of its own. */
export function cleanArticle(title: string, { extra = '', body = '', date = '2024-05-08' }: { extra?: string; body?: string; date?: string } = {}): string {
  return healthArticle(`Most back pain gets better in a few weeks. Keep moving as much as you can.\n${body}\n## Keeping Active\n\nA short walk each day can help.\n`, { title, extra, date });
}

/** The user `nobody` on Linux and macOS-like systems: whom file permissions bind. */
const NOBODY = 65534;

/**
 * Run options under which file permissions hold: as the current user, or, when the tests run as
 * root (whom permissions do not stop), as `nobody`, who is then given `project`. Use it to test
 * what a user sees when a file cannot be read or written.
 */
export function boundByPermissions(project: string): Pick<RunOptions, 'uid' | 'gid'> {
  if (process.getuid?.() !== 0) return {};
  const give = (at: string) => {
    chownSync(at, NOBODY, NOBODY);
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) give(path.join(at, entry.name));
      else chownSync(path.join(at, entry.name), NOBODY, NOBODY);
    }
  };
  give(project);
  return { uid: NOBODY, gid: NOBODY };
}
