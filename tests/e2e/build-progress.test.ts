import path from 'node:path';
import pty from 'node-pty';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempProject } from './helpers.js';
import { generateCorpus } from '../site/support/corpus.js';

const env = { HEALTHMD_NOW: '2027-01-01' };

/** Runs the CLI on a terminal and collects everything it draws. */
function onTerminal(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = pty.spawn(process.execPath, [BIN, ...args], { cols: 100, rows: 30, cwd, env: { ...process.env, ...env, NO_COLOR: '1' } as Record<string, string> });
    let output = '';
    child.onData((data) => (output += data));
    child.onExit(({ exitCode }) => resolve({ code: exitCode, output }));
  });
}

describe('build progress', () => {
  it('draws a progress bar on a terminal for a long build, then one summary line; plain without a terminal', async () => {
    const project = await generateCorpus(path.join(tempProject(), 'site'), 400);
    const tty = await onTerminal(['build', '--skip-lint'], project);
    expect(tty.code).toBe(0);
    expect(tty.output).toMatch(/Writing pages \[[#·]+\]\s+\d+\/\d+/);
    // The bar is erased before the summary, which stands alone on its line.
    expect(tty.output).toMatch(/\r\x1b\[K(\r\n)?Built \d+ pages from 400 articles into public\/ in [\d.]+ s\r?\nhealthmd: warning: --skip-lint: [^\r\n]*\r?\n$/);

    const quiet = await onTerminal(['build', '--skip-lint', '--quiet'], project);
    expect(quiet).toEqual({ code: 0, output: '' });

    const piped = await runCli(['build', '--skip-lint'], { cwd: project, env, timeout: 60_000 });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^Built \d+ pages from 400 articles into public\/ in [\d.]+ s(; \d+ files? changed, the rest as they were)?\n$/);
    expect(piped.stdout + piped.stderr).not.toMatch(/\r|\x1b/);
  }, 120_000);

  it('draws the same bar for a long export, and nothing of it when piped', async () => {
    const project = await generateCorpus(path.join(tempProject(), 'site'), 400);
    const tty = await onTerminal(['export', '--skip-lint', '--out', 'handoff'], project);
    expect(tty.code).toBe(0);
    expect(tty.output).toMatch(/Writing pages \[[#·]+\]\s+\d+\/\d+/);
    expect(tty.output).toMatch(/\r\x1b\[K(\r\n)?Exported 400 articles/);

    const piped = await runCli(['export', '--skip-lint', '--out', 'handoff'], { cwd: project, env, timeout: 60_000 });
    expect(piped.code).toBe(0);
    expect(piped.stdout + piped.stderr).not.toMatch(/\r|\x1b/);
  }, 120_000);
});
