import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempProject } from './helpers.js';

/** The README's "Installing healthmd in a content project" commands, comments removed. */
const installBlock = (() => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Installing healthmd in a content project\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return { section, commands: (/```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '').split('\n') };
})();

describe('healthmd installed in a content project', () => {
  it('installs from a tarball inside the project, which git keeps, so that CI’s npm ci finds it', async () => {
    const installs = installBlock.commands.map((line) => /^npm install --save-dev (\S+\.tgz)/.exec(line)?.[1]).filter((p) => p !== undefined);
    expect(installs.length).toBeGreaterThan(0);
    const project = tempProject({ 'package.json': '{"name": "my-clinic", "version": "1.0.0"}\n' });
    expect((await runCli(['init', '--yes', '--ci', 'github'], { cwd: project })).code).toBe(0);
    execFileSync('git', ['init', '-q'], { cwd: project });
    for (const tarball of installs) {
      // A path outside the project (../healthmd/…) is on the writer's machine only: a CI runner's checkout lacks it.
      const inside = path.relative(project, path.resolve(project, tarball));
      expect(inside.startsWith('..') || path.isAbsolute(tarball), tarball).toBe(false);
      // init's .gitignore must not keep it out of the commit the README asks for.
      expect(() => execFileSync('git', ['check-ignore', '-q', inside], { cwd: project }), tarball).toThrow();
      expect(installBlock.section).toContain(`\`${path.dirname(inside)}/\``);
    }
    // The npm pack line writes the tarball where the install line reads it (clone and project side by side).
    const pack = installBlock.commands.map((line) => /npm pack --pack-destination (\S+)/.exec(line)?.[1]).find(Boolean);
    expect(pack).toBeDefined();
    expect(path.resolve('/work/healthmd', pack!)).toBe(path.dirname(path.resolve('/work/my-clinic', installs[0])));
  });

  it('keeps node_modules out of git in an npm project, and leaves other projects’ .gitignore to them', async () => {
    const npmProject = tempProject({ 'package.json': '{"name": "my-clinic"}\n' });
    expect((await runCli(['init', '--yes'], { cwd: npmProject })).code).toBe(0);
    expect(readFileSync(path.join(npmProject, '.gitignore'), 'utf8').split('\n')).toContain('node_modules/');
    const plain = tempProject();
    expect((await runCli(['init', '--yes'], { cwd: plain })).code).toBe(0);
    expect(readFileSync(path.join(plain, '.gitignore'), 'utf8')).not.toContain('node_modules');
  });

  it('tells the newcomer to run the project’s own copy through npx when package.json depends on healthmd', async () => {
    const own = tempProject({ 'package.json': '{"name": "my-clinic", "devDependencies": {"healthmd": "file:vendor/healthmd-0.1.0.tgz"}}\n' });
    const result = await runCli(['init', '--yes'], { cwd: own });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\nNext: npx healthmd new "Your first article"   then   npx healthmd lint\n');
    const bare = tempProject({ 'package.json': '{"name": "my-clinic"}\n' });
    expect((await runCli(['init', '--yes'], { cwd: bare })).stdout).toContain('\nNext: healthmd new "Your first article"   then   healthmd lint\n');
  });
});
