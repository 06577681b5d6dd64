// The tools healthmd is compared with, installed on first use into bench/.peers (gitignored, its own
// package.json): never the product's dependencies. A peer that cannot be installed is reported as
// unavailable with the reason, never given a number.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Pinned so that runs months apart compare the same peers. */
export const NPM_PEERS = {
  'markdownlint-cli2': '0.24.1',
  rumdl: '0.2.75',
  '@11ty/eleventy': '3.1.8',
};

export function peersDir(repo) {
  return path.join(repo, 'bench/.peers');
}

/** Installs the npm peers once; returns the reason when npm could not. */
export function installNpmPeers(repo) {
  const dir = peersDir(repo);
  const wanted = Object.keys(NPM_PEERS).every((name) => existsSync(path.join(dir, 'node_modules', name, 'package.json')));
  if (wanted) return undefined;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'healthmd-bench-peers', private: true, dependencies: NPM_PEERS }, null, 2)}\n`);
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    return undefined;
  } catch (error) {
    return `npm install failed: ${String(error.stderr || error.message).trim().split('\n')[0]}`;
  }
}

/** How to run each peer, or why it cannot run: `{ command, args }` or `{ missing }`. */
export function peerCommands(repo) {
  const failed = installNpmPeers(repo);
  const modules = path.join(peersDir(repo), 'node_modules');
  const npmPeer = (file) => {
    const full = path.join(modules, file);
    if (existsSync(full)) return { command: full.endsWith('js') ? process.execPath : full, args: full.endsWith('js') ? [full] : [] };
    return { missing: failed ?? `${file} not found after install` };
  };
  const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return {
    hugo: hugo.status === 0 ? { command: 'hugo', args: [], version: hugo.stdout.split(' ')[1] } : { missing: 'not installed (apt-get install hugo)' },
    markdownlint: npmPeer('markdownlint-cli2/markdownlint-cli2-bin.mjs'),
    // The native binary itself: its npm wrapper would add a Node start to rumdl's time.
    rumdl: existsSync(path.join(modules, `@rumdl/cli-${process.platform}-${process.arch}/rumdl`)) ? npmPeer(`@rumdl/cli-${process.platform}-${process.arch}/rumdl`) : npmPeer('.bin/rumdl'),
    eleventy: npmPeer('@11ty/eleventy/cmd.cjs'),
  };
}
