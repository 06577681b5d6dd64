import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { discoverArticles } from '../../src/core/discover.js';
import { lintFileRange } from '../../src/lint/lint-files.js';
import { REPO, runCli, tempProject } from './helpers.js';

const CLAIMS = path.join(REPO, 'tests/fixtures/no-absolute-claims');

/** Every claims fixture, as articles of one project. */
function claimsProject(): string {
  const files: Record<string, string> = {};
  for (const set of ['labelled', 'held-out']) {
    for (const name of readdirSync(path.join(CLAIMS, set))) files[`articles/${set}-${name}`] = readFileSync(path.join(CLAIMS, set, name), 'utf8');
  }
  return tempProject(files);
}

describe('values the bundle holds ready (scripts/bundle.mjs)', () => {
  it('finds the same absolute claims as the source, which works out the phrases’ first words at its start', async () => {
    const dir = claimsProject();
    // --future: the held-out articles are dated after HEALTHMD_NOW.
    const result = await runCli(['lint', '--no-cache', '--future', '--format', 'json'], { cwd: dir, env: { HEALTHMD_NOW: '2024-06-01' } });
    expect(result.code).toBe(1);
    const claimsIn = (results: Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; message: string }> }>) =>
      results.flatMap((file) => file.messages.filter((m) => m.ruleId === 'no-absolute-claims').map((m) => `${path.basename(file.filePath)}:${m.line}:${m.column} ${m.message}`));
    const linted = JSON.parse(result.stdout) as Parameters<typeof claimsIn>[0];
    const bundled = claimsIn(linted);

    // The same files (lint leaves out what build would not publish), linted by the source.
    const config = loadConfig(dir);
    const names = new Set(linted.map((file) => path.basename(file.filePath)));
    const files = discoverArticles(config, dir).files.filter((file) => names.has(path.basename(file.path)));
    const source = claimsIn(lintFileRange(files, 0, files.length, { config, cwd: dir, now: '2024-06-01' }));
    expect(bundled.length).toBeGreaterThan(50);
    expect(bundled).toEqual(source);
  });
});
