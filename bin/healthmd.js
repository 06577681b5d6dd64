#!/usr/bin/env node
// Starts the CLI bundle (dist/cli.cjs) from V8's code cache when a valid one exists: a pre-commit
// hook's one-file lint then skips compiling the bundle (measured: about a quarter of its start-up).
// Node 20 has no module.enableCompileCache(), so this compiles the bundle as a vm.Script with
// cachedData. A cache is used only if its name matches this bundle's bytes, this Node and these V8
// flags, its own bytes match the digest it carries (V8 does not notice a corrupted payload), and V8
// accepts it; anything else is ignored and the bundle compiles as usual. Caches are read from
// dist/code-cache/ (made at bundle time) and the user's cache folder, and written only to the latter,
// so a read-only install works. Worker threads (a large lint, build's file writer) start this file
// too, so that they also start from the code cache; the bundle's entry runs their role, and only the
// main thread runs the CLI.
// A CommonJS file (bin/package.json says so): Node reads an ES module's entry through its
// asynchronous loader, which a one-file lint measured waiting on (a few ms of every start).
'use strict';
const { createHash } = require('node:crypto');
const { accessSync, constants, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { isMainThread } = require('node:worker_threads');

const dist = path.join(__dirname, '..', 'dist', path.sep);
const bundle = path.join(dist, 'cli.cjs');
const debug = process.argv.includes('--debug');
// The bundle is minified: with --debug, stack traces point into src/ through its source maps.
if (debug) process.setSourceMapsEnabled(true);
// Source maps are read when the bundle loads through require, not from a vm.Script: with --debug,
// and in the threads of a --debug run (src/core/bundle-thread.ts starts them with source maps on).
const sourceMaps = debug || process.sourceMapsEnabled === true;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const source = readFileSync(bundle);
// Everything V8 checks or cannot check: the bundle's bytes, Node's version and the V8 flags.
const key = sha256(`${sha256(source).toString('hex')} ${process.version} ${process.arch} ${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`).toString('hex').slice(0, 32);
const name = `cli-${key}.v8`;
const userCache = process.env.HEALTHMD_CODE_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'healthmd');

/** A cache file is a SHA-256 digest of its payload followed by the payload. */
function readCache(file) {
  try {
    const bytes = readFileSync(file);
    const payload = bytes.subarray(32);
    return bytes.length > 32 && sha256(payload).equals(bytes.subarray(0, 32)) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The cache folder and, once, its parent (~/.cache on a fresh home). Not `recursive: true`: on
 * Node 20 that loops forever where mkdir keeps answering ENOENT, as under /proc.
 */
function makeFolder(dir) {
  try {
    mkdirSync(dir);
  } catch (error) {
    if (error.code === 'EEXIST') return;
    if (error.code !== 'ENOENT') throw error;
    try {
      mkdirSync(path.dirname(dir));
    } catch (parent) {
      if (parent.code !== 'EEXIST') throw parent;
    }
    mkdirSync(dir);
  }
}

/**
 * Each bundle (each healthmd version or install), Node version and set of V8 flags has a cache of
 * its own, about 1 MB: past the newest KEEP_CACHES the oldest are removed when one is written, and
 * so are files a run killed while writing left behind. A cache still in use is written again by
 * the next start that finds it gone.
 */
const KEEP_CACHES = 8;
const LEFT_BEHIND_MS = 60 * 60 * 1000;

function pruneCaches(dir, keep) {
  const now = Date.now();
  const caches = [];
  for (const file of readdirSync(dir)) {
    if (!file.startsWith('cli-') || file === keep) continue;
    const at = path.join(dir, file);
    const stat = statSync(at, { throwIfNoEntry: false });
    if (!stat) continue;
    if (file.endsWith('.v8')) caches.push({ at, mtimeMs: stat.mtimeMs });
    else if (file.endsWith('.tmp') && now - stat.mtimeMs > LEFT_BEHIND_MS) rmSync(at, { force: true });
  }
  caches.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { at } of caches.slice(KEEP_CACHES - 1)) rmSync(at, { force: true });
}

let script;
let accepted = false;
if (!sourceMaps) {
  const code = Module.wrap(source.toString('utf8'));
  for (const file of [path.join(dist, 'code-cache', name), path.join(userCache, name)]) {
    const cachedData = readCache(file);
    if (!cachedData) continue;
    script = new vm.Script(code, { filename: bundle, cachedData });
    if ((accepted = !script.cachedDataRejected)) break;
  }
  if (!accepted) {
    script = new vm.Script(code, { filename: bundle });
    // After the command ran, the cache also holds the functions it compiled on the way; a thread's
    // would hold only its role's, so only the main thread writes one.
    if (isMainThread) process.once('exit', () => {
      try {
        // Checked first: making the cache costs a few milliseconds that a read-only home would waste.
        makeFolder(userCache);
        accessSync(userCache, constants.W_OK);
        const payload = script.createCachedData();
        const temporary = path.join(userCache, `${name}.${process.pid}.tmp`);
        writeFileSync(temporary, Buffer.concat([sha256(payload), payload]));
        renameSync(temporary, path.join(userCache, name));
        pruneCaches(userCache, name);
      } catch {
        // No writable cache folder: the next start compiles again, as without a cache.
      }
    });
  }
}

const cli = { exports: {} };
if (script) script.runInThisContext().call(cli.exports, cli.exports, Module.createRequire(bundle), cli, bundle, dist);
else cli.exports = require(bundle);
if (isMainThread) {
  cli.exports.run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
