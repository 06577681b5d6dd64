import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCount, PARALLEL_THRESHOLD } from '../../src/lint/lint-in-workers.js';
import { runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

const article = (title: string, extra = '', body = '') => `---
title: ${title}
description: Simple ways to keep moving when your back hurts, and when to ask your doctor for help.
date: 2024-05-08
author: Sam Lee
reviewedBy: "Dr Ann Bell, MRCGP"
lastReviewed: 2024-05-10
${extra}---
Most back pain gets better in a few weeks. Keep moving as much as you can.
${body}
## Sources

- NHS. [Back pain](https://www.nhs.uk/conditions/back-pain/).
`;

/** A project whose findings cross files: clashing URLs, links between articles, unparseable files. */
const PROJECT: Record<string, string | Uint8Array> = {
  'articles/a-first.md': article('First', 'slug: shared\n', '\nSee [the last one](z-last.md#sources) and [a gap](z-last.md#nowhere).\n'),
  'articles/b-binary.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]),
  'articles/c-middle.md': article('Middle', '', '\n#### Skipped level\n\nText.\n'),
  'articles/d-code.md': '---js\nrequire("fs").writeFileSync("pwned", "x")\n---\nBody.\n',
  'articles/e-claim.md': article('Claim', '', '\nThis is a miracle cure.\n'),
  'articles/sub/shared.md': article('Shared', '', '\nBack to [the first](../a-first.md).\n'),
  'articles/z-last.md': article('Last', 'slug: shared\n'),
};

describe('lint on several threads', () => {
  it('uses one thread below the threshold and on two cores, and caps the count', () => {
    expect(workerCount(PARALLEL_THRESHOLD - 1, {}, 8)).toBe(1);
    expect(workerCount(PARALLEL_THRESHOLD, {}, 8)).toBe(4);
    expect(workerCount(PARALLEL_THRESHOLD, {}, 3)).toBe(3);
    expect(workerCount(10_000, {}, 2)).toBe(1);
    expect(workerCount(10_000, {}, 1)).toBe(1);
    expect(workerCount(3, { HEALTHMD_WORKERS: '8' }, 2)).toBe(3);
    expect(workerCount(10_000, { HEALTHMD_WORKERS: 'lots' }, 2)).toBe(1);
  });

  it('reports exactly what one thread reports, project rules included', async () => {
    const dir = tempProject(PROJECT);
    const one = await runCli(['lint', '--format', 'json'], { cwd: dir, env: { ...NOW, HEALTHMD_WORKERS: '1' } });
    const three = await runCli(['lint', '--format', 'json'], { cwd: dir, env: { ...NOW, HEALTHMD_WORKERS: '3' } });
    expect(one.code).toBe(1);
    expect(three.code).toBe(one.code);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    // The findings that need other files are there: a URL clash between the first and last thread's
    // files (a-first.md and z-last.md), a missing anchor in another file.
    const rules = (JSON.parse(one.stdout) as { messages: { ruleId: string; messageId: string }[] }[]).flatMap((r) => r.messages.map((m) => `${m.ruleId}/${m.messageId}`));
    expect(rules.filter((r) => r === 'unique-slug/duplicate-url')).toHaveLength(2);
    expect(rules).toContain('internal-links/missing-anchor');
    expect(rules.filter((r) => r.startsWith('front-matter-valid/'))).toHaveLength(2);
    expect(readdirSync(dir)).not.toContain('pwned');
  });

  it('fixes files from every thread', async () => {
    const dir = tempProject(PROJECT);
    await runCli(['lint', '--fix'], { cwd: dir, env: { ...NOW, HEALTHMD_WORKERS: '3' } });
    const fixed = readFileSync(path.join(dir, 'articles', 'c-middle.md'), 'utf8');
    expect(fixed).toContain('\n## Skipped level\n');
    expect(fixed).toMatch(/\n## Disclaimer\n\n\S/);
    expect(readFileSync(path.join(dir, 'articles', 'z-last.md'), 'utf8')).toMatch(/\n## Disclaimer\n/);
  });

  it('stops with exit 2 and the file name when a thread cannot read its config', async () => {
    const dir = tempProject({ ...PROJECT, 'healthmd.config.yaml': 'pageSize: 0\n' });
    const result = await runCli(['lint'], { cwd: dir, env: { ...NOW, HEALTHMD_WORKERS: '2' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('healthmd.config.yaml');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
