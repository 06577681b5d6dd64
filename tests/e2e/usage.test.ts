import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

describe('healthmd without a command', () => {
  it('prints the help to stderr and exits 2, as a usage fault', async () => {
    for (const args of [[], ['--no-color']]) {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage: healthmd [options] [command]');
    }
  });

  it('prints the help to stdout and exits 0 when it is asked for', async () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('Usage: healthmd [options] [command]');
    }
  });
});
