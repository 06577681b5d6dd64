import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundByPermissions, cleanArticle, runCli, tempProject } from './helpers.js';

// Windows has no permission bits for chmod to take away.
describe.skipIf(process.platform === 'win32')('a file healthmd may not read or write', () => {
  const PERMISSIONS = 'permission denied (EACCES); check the permissions of this path and of the folders above it';

  it('names an article that cannot be read and says what to check', async () => {
    const project = tempProject({ 'articles/back-pain.md': cleanArticle('Back Pain'), 'articles/neck-pain.md': cleanArticle('Neck Pain') });
    const user = boundByPermissions(project);
    chmodSync(path.join(project, 'articles', 'neck-pain.md'), 0o000);
    const result = await runCli(['lint'], { cwd: project, ...user, env: { HEALTHMD_NOW: '2024-06-01' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`healthmd: ${path.join('articles', 'neck-pain.md')}: cannot read file: ${PERMISSIONS}\n`);
  });

  it('names a config file that cannot be read, once', async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'pageSize: 5\n', 'articles/back-pain.md': cleanArticle('Back Pain') });
    const user = boundByPermissions(project);
    chmodSync(path.join(project, 'healthmd.config.yaml'), 0o000);
    const result = await runCli(['lint'], { cwd: project, ...user });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`healthmd: healthmd.config.yaml: cannot read the config file: ${PERMISSIONS}\n`);
  });

  it('says to choose another --output when the report cannot be written there', async () => {
    const project = tempProject({ 'articles/back-pain.md': cleanArticle('Back Pain'), 'reports/.keep': '' });
    const user = boundByPermissions(project);
    chmodSync(path.join(project, 'reports'), 0o555);
    const result = await runCli(['lint', '--format', 'sarif', '--output', 'reports/lint.sarif'], { cwd: project, ...user, env: { HEALTHMD_NOW: '2024-06-01' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`healthmd: ${path.join('reports', 'lint.sarif')}: cannot write the report: ${PERMISSIONS}, or choose another --output\n`);
  });

  it('says to choose another --out when the output folder cannot be made there', async () => {
    const project = tempProject({ 'articles/back-pain.md': cleanArticle('Back Pain') });
    mkdirSync(path.join(project, 'shared'));
    const user = boundByPermissions(project);
    chmodSync(path.join(project, 'shared'), 0o555);
    const result = await runCli(['build', '--out', 'shared/site'], { cwd: project, ...user, env: { HEALTHMD_NOW: '2024-06-01' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${PERMISSIONS}, or choose another --out`);
  });

  it('warns about a folder of articles that cannot be read, saying what to check', async () => {
    const project = tempProject({ 'articles/back-pain.md': cleanArticle('Back Pain'), 'articles/private/notes.md': cleanArticle('Notes') });
    const user = boundByPermissions(project);
    chmodSync(path.join(project, 'articles', 'private'), 0o000);
    const result = await runCli(['lint'], { cwd: project, ...user, env: { HEALTHMD_NOW: '2024-06-01' } });
    expect(result.stderr).toContain(`${path.join('articles', 'private')}: cannot read folder: ${PERMISSIONS}`);
  });
});
