import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, runCli, tempProject } from './helpers.js';
import { listFiles } from '../site/support/project.js';

const env = { HEALTHMD_NOW: '2024-06-01' };

/** Enough articles that reading them needs more than a few megabytes of heap. */
function site(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 150; i++) {
    const body = `\n## Living with it\n\n${'Walking a little every day keeps the back moving and eases the pain. '.repeat(60)}\n`;
    files[`articles/topic-${i % 5}/guide-${i}.md`] = cleanArticle(`Guide ${i} to back pain`, { body, extra: `tags: [spine, tag-${i % 7}]\n` });
  }
  return tempProject(files);
}

const tree = (dir: string) => Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

describe('build out of memory', () => {
  it('exits 2 with what to do, no V8 stack trace, and leaves the previous output as it was', async () => {
    const cwd = site();
    const first = await runCli(['build', '--quiet'], { cwd, env });
    expect(first.code).toBe(0);
    const before = tree(path.join(cwd, 'public'));

    const starved = await runCli(['build', '--no-cache'], { cwd, env: { ...env, HEALTHMD_MAX_HEAP_MB: '12' }, timeout: 60_000 });
    expect(starved.code).toBe(2);
    expect(starved.stderr).toMatch(/^healthmd: the build ran out of memory[^\n]*: it may use 12 MB of heap\. Give it more where the machine has it \(HEALTHMD_MAX_HEAP_MB=24\)/);
    expect(starved.stderr).not.toMatch(/FATAL ERROR|v8::|node::|<--- |\n\s+at /);
    expect(starved.stdout).toBe('');
    expect(tree(path.join(cwd, 'public'))).toEqual(before);

    // The next build, with the memory it needs, is not held up by what the stopped one left.
    const again = await runCli(['build', '--quiet'], { cwd, env });
    expect(again.code).toBe(0);
    expect(tree(path.join(cwd, 'public'))).toEqual(before);
  });

  it('refuses a HEALTHMD_MAX_HEAP_MB that is not a number of megabytes', async () => {
    const cwd = site();
    const result = await runCli(['build'], { cwd, env: { ...env, HEALTHMD_MAX_HEAP_MB: '1.5g' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('healthmd: HEALTHMD_MAX_HEAP_MB=1.5g: expected a whole number of megabytes, such as 2048\n');
  });
});
