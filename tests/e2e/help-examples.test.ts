import { spawn } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempProject, type RunResult } from './helpers.js';

/** One `$ …` line of a help text's Examples section, as a shell would run it. */
interface Example {
  command: string;
  /** What the help says it does (after the command and two spaces or more). */
  description: string;
  env: Record<string, string>;
  /** The file piped in (`cat FILE | healthmd …`). */
  stdinFile?: string;
  args: string[];
}

const COMMANDS = ['init', 'new', 'lint', 'build', 'export', 'list', 'review', 'serve', 'rules'];

/** Splits a command line as sh does for these examples: spaces separate, quotes group. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The examples of a help text: each `$ command` line, its description (after two spaces) left off. */
function examplesOf(help: string): Example[] {
  const section = help.slice(help.indexOf('\nExamples:\n'));
  return [...section.matchAll(/^ {2}\$ (.+)$/gm)].map((match) => {
    const [command, description = ''] = match[1].split(/ {2,}/).map((part) => part.trim());
    let rest = command;
    let stdinFile: string | undefined;
    const pipe = /^cat (\S+) \| (.*)$/.exec(rest);
    if (pipe) [, stdinFile, rest] = pipe;
    const parts = words(rest);
    const env: Record<string, string> = {};
    while (/^[A-Z_]+=/.test(parts[0])) {
      const [name, ...value] = parts.shift()!.split('=');
      env[name] = value.join('=');
    }
    expect(parts[0], `an example that runs healthmd: ${command}`).toBe('healthmd');
    return { command, description, env, stdinFile, args: parts.slice(1) };
  });
}

/** Runs serve until it prints its address (port 0: any free port), then stops it. */
function runServe(args: string[], cwd: string): Promise<RunResult> {
  const withPort = args.includes('--port') ? args.map((a, i) => (args[i - 1] === '--port' ? '0' : a)) : [...args, '--port', '0'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...withPort], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/http:\/\/\S+/.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: /http:\/\/\S+/.test(stdout) ? 0 : (code ?? -1), stdout, stderr });
    });
  });
}

describe('every example in --help', () => {
  let project: string;
  const examples: Example[] = [];

  beforeAll(async () => {
    // The project a newcomer has after `healthmd init --yes`; each example runs in its own copy.
    project = path.join(tempProject(), 'site');
    const init = await runCli(['init', 'site', '--yes'], { cwd: path.dirname(project) });
    expect(init.code).toBe(0);
    const helps = await Promise.all([[], ...COMMANDS.map((name) => [name])].map((name) => runCli([...name, '--help'])));
    for (const help of helps) {
      expect(help.code).toBe(0);
      examples.push(...examplesOf(help.stdout));
    }
  });

  it('finds the examples of every command', () => {
    const commands = new Set(examples.map((example) => example.args[0]));
    for (const name of COMMANDS) expect(commands).toContain(name);
  });

  it('runs each in a project made by init --yes without a usage error', async () => {
    const failures: string[] = [];
    // An example that says it asks questions needs a person at a terminal; the others must run as written.
    for (const example of examples.filter((e) => !/^asks\b/.test(e.description))) {
      const cwd = path.join(tempProject(), 'site');
      cpSync(project, cwd, { recursive: true });
      // The text piped in: the example article init wrote.
      const input = example.stdinFile ? readFileSync(path.join(cwd, 'articles', 'lower-back-pain.md'), 'utf8') : undefined;
      const result =
        example.args[0] === 'serve'
          ? await runServe(example.args, cwd)
          : await runCli(example.args, {
              cwd,
              // --open starts $EDITOR: one that exits at once stands for a person closing it.
              env: { ...example.env, EDITOR: 'true', VISUAL: undefined },
              input,
            });
      // Exit 1 is the content speaking (init's example article has placeholders to replace); 2 is the example's fault.
      if (result.code !== 0 && result.code !== 1) failures.push(`$ ${example.command}\n  exit ${result.code}: ${(result.stderr || result.stdout).trim().split('\n')[0]}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
