// Side-by-side benchmarks for PRODUCT.md's quality bars. Usage:
//   npm run bench [-- --articles 4000 --runs 5 --memory]
// Peers: Hugo from Debian (`apt-get install hugo`) and markdownlint-cli2 (installed on first use into
// bench/.peers). A peer that is missing is reported as skipped, never faked.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'bin/healthmd.js');
const work = path.join(repo, 'bench/.corpus');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const articles = Number(option('articles', 4000));
const runs = Number(option('runs', 3));
const memory = args.includes('--memory');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command `runs` times (with `before` untimed), returns seconds per run. */
function time(label, command, commandArgs, { cwd = repo, before, count = runs, okCodes = [0] } = {}) {
  const seconds = [];
  for (let i = 0; i < count; i++) {
    before?.();
    const start = process.hrtime.bigint();
    const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.error || !okCodes.includes(result.status)) {
      throw new Error(`${label}: ${command} ${commandArgs.join(' ')} exited ${result.status}\n${(result.stderr || '').slice(0, 2000)}`);
    }
    seconds.push(elapsed);
  }
  return seconds;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function hugoSite(project) {
  const site = path.join(work, `hugo-${articles}`);
  if (!existsSync(path.join(site, 'content'))) {
    rmSync(site, { recursive: true, force: true });
    mkdirSync(path.join(site, 'layouts/_default'), { recursive: true });
    writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Benchmark library"\n[taxonomies]\ntag = "tags"\n');
    const layout = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>${body}</body></html>\n`;
    writeFileSync(path.join(site, 'layouts/_default/single.html'), layout('<h1>{{ .Title }}</h1><time>{{ .Date.Format "2 January 2006" }}</time>{{ .TableOfContents }}{{ .Content }}'));
    writeFileSync(path.join(site, 'layouts/_default/list.html'), layout('<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p>{{ end }}'));
    writeFileSync(path.join(site, 'layouts/index.html'), layout('{{ range (.Paginate .Site.RegularPages).Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p>{{ end }}'));
    cpSync(path.join(project, 'articles'), path.join(site, 'content'), { recursive: true });
  }
  return site;
}

function markdownlint() {
  const peers = path.join(repo, 'bench/.peers');
  const cli = path.join(peers, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  if (!existsSync(cli)) {
    mkdirSync(peers, { recursive: true });
    execFileSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', 'markdownlint-cli2@0.24'], { stdio: 'ignore' });
  }
  return existsSync(cli) ? cli : path.join(peers, 'node_modules/.bin/markdownlint-cli2');
}

function treeDigest(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(`${path.relative(dir, full)}\0${readFileSync(full).toString('base64')}`);
    }
  };
  walk(dir);
  return out.join('\n');
}

const rows = [];
function row(name, seconds, note = '') {
  rows.push({ name, median: median(seconds), min: Math.min(...seconds), max: Math.max(...seconds), note });
  console.log(`${name.padEnd(42)} median ${median(seconds).toFixed(3)} s  (min ${Math.min(...seconds).toFixed(3)}, max ${Math.max(...seconds).toFixed(3)}, ${seconds.length} runs) ${note}`);
  return median(seconds);
}
const verdicts = [];
function bar(name, value, limit) {
  const pass = value <= limit;
  verdicts.push(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${value.toFixed(3)} (limit ${limit})`);
}

execFileSync('node', ['scripts/bundle.mjs'], { cwd: repo, stdio: 'inherit' });
const project = path.join(work, String(articles));
if (!existsSync(path.join(project, 'articles'))) {
  console.log(`generating ${articles} articles…`);
  generateCorpus(project, articles);
}
const out = path.join(project, 'public');
const clearOutput = () => {
  rmSync(out, { recursive: true, force: true });
  rmSync(path.join(project, '.healthmd'), { recursive: true, force: true });
  for (const name of readdirSync(project)) if (name.startsWith('public.')) rmSync(path.join(project, name), { recursive: true, force: true });
};
console.log(`\n${articles} articles, ${runs} runs each, ${new Date().toISOString()}\n`);

const build = row('healthmd build (cold, lint included)', time('build', 'node', [bin, 'build', '--quiet'], { cwd: project, before: clearOutput }));

if (has('hugo')) {
  const site = hugoSite(project);
  const hugoOut = path.join(site, 'public');
  const hugo = row('hugo (cold, empty output)', time('hugo', 'hugo', ['--quiet', '--ignoreCache', '--destination', hugoOut], { cwd: site, before: () => rmSync(hugoOut, { recursive: true, force: true }) }));
  bar('cold build / Hugo', build / hugo, 0.35);
} else {
  console.log('hugo: not installed (apt-get install hugo); skipped');
}

const lint = row('healthmd lint', time('lint', 'node', [bin, 'lint', '--quiet'], { cwd: project }));
try {
  const cli = markdownlint();
  writeFileSync(path.join(project, '.markdownlint-cli2.jsonc'), '{ "config": { "MD013": false }, "globs": ["articles/**/*.md"] }\n');
  const peer = row('markdownlint-cli2 (MD013 off)', time('markdownlint', 'node', [cli], { cwd: project, okCodes: [0, 1] }));
  bar('lint / markdownlint-cli2', lint / peer, 0.07);
} catch (error) {
  console.log(`markdownlint-cli2: unavailable (${error.message.split('\n')[0]}); skipped`);
}

// Rebuild after editing one article, then compare with a clean build of the same files.
clearOutput();
spawnSync('node', [bin, 'build', '--quiet'], { cwd: project });
const edited = path.join(project, 'articles/topic-7/guide-8.md');
const original = readFileSync(edited, 'utf8');
let n = 0;
const rebuild = row(
  'healthmd rebuild after editing one article',
  time('rebuild', 'node', [bin, 'build', '--quiet'], {
    cwd: project,
    before: () => writeFileSync(edited, original.replace('## Symptoms', `Edited paragraph ${++n}.\n\n## Symptoms`)),
  }),
);
bar('rebuild / full build', rebuild / build, 0.15);
const incremental = treeDigest(out);
clearOutput();
spawnSync('node', [bin, 'build', '--quiet'], { cwd: project });
verdicts.push(`${incremental === treeDigest(out) ? 'PASS' : 'FAIL'}  rebuild output byte-identical to a clean build`);
writeFileSync(edited, original);

const one = path.join(project, 'articles/topic-0/guide-1.md');
const bare = row('node -e 0', time('node', 'node', ['-e', '0'], { count: Math.max(runs, 10) }));
const cold = row('healthmd lint one file (cold start)', time('lint one', 'node', [bin, 'lint', one], { cwd: project, count: Math.max(runs, 10) }));
bar('one-file lint / node -e 0', cold / bare, 1.6);

if (memory) {
  const big = path.join(work, '100000');
  if (!existsSync(path.join(big, 'articles'))) {
    console.log('generating 100,000 articles…');
    generateCorpus(big, 100_000);
  }
  rmSync(path.join(big, 'public'), { recursive: true, force: true });
  const result = spawnSync('/usr/bin/time', ['-f', '%M %e', 'node', bin, 'build', '--quiet', '--skip-lint'], { cwd: big, encoding: 'utf8' });
  const [kib, secs] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  console.log(`100,000-article build: peak RSS ${(kib / 1024).toFixed(0)} MB, ${secs} s (exit ${result.status})`);
  verdicts.push(`${kib / 1024 < 600 && result.status === 0 ? 'PASS' : 'FAIL'}  100,000 articles peak memory: ${(kib / 1024).toFixed(0)} MB (limit 600)`);
}

console.log(`\n${verdicts.join('\n')}`);
const log = path.join(repo, 'bench/.corpus/results.log');
appendFileSync(log, `${new Date().toISOString()} ${articles} articles\n${rows.map((r) => `  ${r.name}: ${r.median.toFixed(3)} s`).join('\n')}\n${verdicts.join('\n')}\n`);

