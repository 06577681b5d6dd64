// Side-by-side benchmarks for healthmd's quality bars. Usage:
//   npm run bench [-- --articles 4000 --runs 5 --rows build,lint,warm,rebuild,one]
//   npm run bench -- --scale 10000,100000      peak memory (GNU time -v) and time per article
// Contestants of one row run alternately (A B C A B C …) so that the load of this shared machine
// falls on all of them alike; each row reports medians, ranges and the load average around it.
// Peers are installed on first use outside the product's dependencies (bench/peers.mjs); a peer
// that is missing is reported as such, never given a number.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';
import { peerCommands } from './peers.mjs';
import { formatTable, formatTime, parseTimeVerbose, summarize, verdict } from './table.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'bin/healthmd.js');
const work = path.join(repo, 'bench/.corpus');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const articles = Number(option('articles', 4000));
const runs = Number(option('runs', 5));
const scale = option('scale', undefined);
const selected = new Set(option('rows', 'build,lint,warm,rebuild,one').split(','));

const load = () => loadavg()[0].toFixed(2);
const ratio = (a, b) => (a && b ? a.median / b.median : undefined);
const fixed = (x, digits = 2) => (x === undefined ? 'n/a' : x.toFixed(digits));

/** Runs one command once, timed; throws with its stderr when it exits with a code not in okCodes. */
function timeOnce({ name, command, args: commandArgs, cwd = repo, before, okCodes = [0] }) {
  before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error || !okCodes.includes(result.status)) {
    throw new Error(`${name}: ${command} ${commandArgs.join(' ')} exited ${result.status ?? result.error}\n${(result.stderr || '').slice(0, 2000)}`);
  }
  return seconds;
}

/** Runs the contestants alternately `count` times; returns `{ [name]: summary }` and the load seen. */
function alternate(contestants, count = runs) {
  const seconds = Object.fromEntries(contestants.map((c) => [c.name, []]));
  const loadBefore = load();
  for (let i = 0; i < count; i++) for (const c of contestants) seconds[c.name].push(timeOnce(c));
  const summaries = Object.fromEntries(Object.entries(seconds).map(([name, s]) => [name, summarize(s)]));
  for (const [name, summary] of Object.entries(summaries)) console.log(`  ${name.padEnd(34)} ${formatTime(summary)}`);
  const seen = `load ${loadBefore} → ${load()}`;
  console.log(`  (${seen})`);
  return { ...summaries, load: seen };
}

/** A digest of every file under dir (path and bytes), to compare two builds. */
function treeDigest(dir) {
  const hash = createHash('sha256');
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(dir, full)}\0`).update(readFileSync(full)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function corpus(count) {
  const project = path.join(work, String(count));
  if (!existsSync(path.join(project, 'healthmd.config.yaml'))) {
    console.log(`generating ${count} articles…`);
    generateCorpus(project, count);
  }
  return project;
}

/** Everything a previous healthmd run left: output, staging folders beside it, the cache. */
function clearHealthmd(project) {
  for (const name of readdirSync(project)) {
    if (name === 'public' || name.startsWith('public.') || name.startsWith('.public') || name === '.healthmd') rmSync(path.join(project, name), { recursive: true, force: true });
  }
}

function hugoSite(project, count) {
  const site = path.join(work, `hugo-${count}`);
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

const table = [];
const notes = [];

function coldBuildRow(project, peers) {
  console.log('\ncold full build (empty output folder, no cache)');
  const contestants = [{ name: 'healthmd build', command: 'node', args: [bin, 'build', '--quiet'], cwd: project, before: () => clearHealthmd(project) }];
  const floorOut = path.join(work, `floor-${articles}`);
  contestants.push({ name: 'the floor', command: 'node', args: [path.join(repo, 'bench/floor.mjs'), path.join(project, 'articles'), floorOut], before: () => rmSync(floorOut, { recursive: true, force: true }) });
  if (peers.hugo.command) {
    const site = hugoSite(project, articles);
    const out = path.join(site, 'public');
    contestants.push({ name: `hugo ${peers.hugo.version}`, command: 'hugo', args: ['--quiet', '--ignoreCache', '--destination', out], cwd: site, before: () => rmSync(out, { recursive: true, force: true }) });
  } else notes.push(`Hugo: ${peers.hugo.missing}`);
  if (peers.eleventy.command) {
    const site = path.join(work, `eleventy-${articles}`);
    if (!existsSync(path.join(site, 'articles'))) cpSync(path.join(project, 'articles'), path.join(site, 'articles'), { recursive: true });
    const out = path.join(site, '_site');
    contestants.push({ name: 'eleventy 3.1 (no layout)', command: peers.eleventy.command, args: [...peers.eleventy.args, '--quiet', '--input=articles', '--output=_site'], cwd: site, before: () => rmSync(out, { recursive: true, force: true }) });
  } else notes.push(`Eleventy: ${peers.eleventy.missing}`);
  const m = alternate(contestants);
  const hugo = m[`hugo ${peers.hugo.version}`];
  const eleventy = m['eleventy 3.1 (no layout)'];
  table.push({
    measure: 'cold full build',
    healthmd: formatTime(m['healthmd build']),
    peer: `floor ${formatTime(m['the floor'])}; Hugo ${formatTime(hugo)}; Eleventy ${formatTime(eleventy)}; floor = ${fixed(ratio(m['the floor'], hugo))} × Hugo`,
    ratio: `${fixed(ratio(m['healthmd build'], m['the floor']))} × floor; ${fixed(ratio(m['healthmd build'], hugo))} × Hugo`,
    goal: '≤ 1.2 × floor, < 1 × Hugo',
    verdict: `${verdict(ratio(m['healthmd build'], m['the floor']), 1.2)}; ${verdict(ratio(m['healthmd build'], hugo), 1)}`,
    load: m.load,
  });
  return m['healthmd build'];
}

function lintRow(project, peers) {
  console.log('\nlint, cold (no cache)');
  const contestants = [{ name: 'healthmd lint', command: 'node', args: [bin, 'lint', '--quiet'], cwd: project, before: () => clearHealthmd(project), okCodes: [0, 1] }];
  if (peers.markdownlint.command) {
    writeFileSync(path.join(project, '.markdownlint-cli2.jsonc'), '{ "config": { "MD013": false }, "globs": ["articles/**/*.md"] }\n');
    contestants.push({ name: 'markdownlint-cli2 (MD013 off)', command: peers.markdownlint.command, args: peers.markdownlint.args, cwd: project, okCodes: [0, 1] });
  } else notes.push(`markdownlint-cli2: ${peers.markdownlint.missing}`);
  if (peers.rumdl.command) {
    contestants.push({ name: 'rumdl check --no-cache', command: peers.rumdl.command, args: [...peers.rumdl.args, 'check', '--no-cache', '--silent', 'articles'], cwd: project, okCodes: [0, 1] });
  } else notes.push(`rumdl: ${peers.rumdl.missing}`);
  const m = alternate(contestants);
  const ml = m['markdownlint-cli2 (MD013 off)'];
  const rumdl = m['rumdl check --no-cache'];
  table.push({
    measure: 'lint, cold',
    healthmd: formatTime(m['healthmd lint']),
    peer: `markdownlint-cli2 ${formatTime(ml)}; rumdl ${formatTime(rumdl)}`,
    ratio: `${fixed(ratio(m['healthmd lint'], ml))}; ${fixed(ratio(m['healthmd lint'], rumdl))}`,
    goal: '≤ 0.07; ≤ 1.0',
    verdict: `${verdict(ratio(m['healthmd lint'], ml), 0.07)}; ${verdict(ratio(m['healthmd lint'], rumdl), 1)}`,
    load: m.load,
  });
}

/** The article the warm rows edit: `edit()` adds a new paragraph each call, `restore()` puts it back. */
function editedArticle(project) {
  const file = path.join(project, 'articles/topic-7/guide-8.md');
  const original = readFileSync(file, 'utf8');
  let n = 0;
  return {
    edit: () => writeFileSync(file, original.replace('## Symptoms', `Edited paragraph ${++n}.\n\n## Symptoms`)),
    restore: () => writeFileSync(file, original),
  };
}

function warmLintRow(project) {
  console.log('\nlint with a warm cache after editing one article, against a cold lint');
  const article = editedArticle(project);
  const lint = { command: 'node', args: [bin, 'lint', '--quiet'], cwd: project, okCodes: [0, 1] };
  try {
    clearHealthmd(project);
    timeOnce({ name: 'first lint', ...lint });
    const m = alternate([
      { name: 'healthmd lint, warm, one edit', ...lint, before: article.edit },
      { name: 'healthmd lint, cold', ...lint, before: () => clearHealthmd(project) },
    ]);
    const r = ratio(m['healthmd lint, warm, one edit'], m['healthmd lint, cold']);
    table.push({ measure: 'lint, warm cache, one edit', healthmd: formatTime(m['healthmd lint, warm, one edit']), peer: `cold lint ${formatTime(m['healthmd lint, cold'])}`, ratio: fixed(r), goal: '≤ 0.15', verdict: verdict(r, 0.15), load: m.load });
  } finally {
    article.restore();
  }
}

function rebuildRow(project) {
  console.log('\nrebuild after editing one article, against a clean build');
  const article = editedArticle(project);
  const build = { command: 'node', args: [bin, 'build', '--quiet'], cwd: project };
  try {
    clearHealthmd(project);
    timeOnce({ name: 'first build', ...build });
    // A clean build replaces nothing, so the first rebuild after it has no spare output to bring
    // up to date and makes every folder anew; from the second on, a rebuild updates the spare.
    const m = alternate([
      { name: 'healthmd clean build', ...build, before: () => clearHealthmd(project) },
      { name: 'healthmd rebuild, first after clean', ...build, before: article.edit },
      { name: 'healthmd rebuild, one edit', ...build, before: article.edit },
    ]);
    article.edit();
    timeOnce({ name: 'rebuild to compare', ...build });
    const incremental = treeDigest(path.join(project, 'public'));
    clearHealthmd(project);
    timeOnce({ name: 'clean build to compare', ...build });
    const identical = incremental === treeDigest(path.join(project, 'public'));
    const r = ratio(m['healthmd rebuild, one edit'], m['healthmd clean build']);
    table.push({
      measure: 'rebuild after editing one article',
      healthmd: formatTime(m['healthmd rebuild, one edit']),
      peer: `clean build ${formatTime(m['healthmd clean build'])}`,
      ratio: fixed(r),
      goal: '≤ 0.15, byte-identical',
      verdict: `${verdict(r, 0.15)}; ${identical ? 'identical' : 'NOT identical'}`,
      load: m.load,
    });
    table.push({
      measure: 'rebuild, the first after a clean build',
      healthmd: formatTime(m['healthmd rebuild, first after clean']),
      peer: `clean build ${formatTime(m['healthmd clean build'])}`,
      ratio: fixed(ratio(m['healthmd rebuild, first after clean'], m['healthmd clean build'])),
      goal: 'reference',
      verdict: '',
      load: m.load,
    });
  } finally {
    article.restore();
  }
}

function oneFileRows(project) {
  const cases = [
    ['one-file lint, cold process (sample project)', repo, 'articles/collaborative-care-back-pain.md'],
    [`one-file lint, cold process (${articles}-article project)`, project, 'articles/topic-0/guide-1.md'],
  ];
  for (const [measure, cwd, file] of cases) {
    console.log(`\n${measure}`);
    const count = Math.max(runs, 20);
    const m = alternate(
      [
        { name: 'node -e 0', command: 'node', args: ['-e', '0'] },
        { name: 'healthmd lint FILE', command: 'node', args: [bin, 'lint', file], cwd, okCodes: [0, 1] },
      ],
      count,
    );
    const r = ratio(m['healthmd lint FILE'], m['node -e 0']);
    table.push({ measure, healthmd: formatTime(m['healthmd lint FILE']), peer: `node -e 0: ${formatTime(m['node -e 0'])}`, ratio: fixed(r), goal: '≤ 1.6', verdict: verdict(r, 1.6), load: m.load });
  }
}

/** One cold build per size under GNU time -v: peak RSS, seconds per article, and how it ended. */
function scaleRows(sizes) {
  const time = '/usr/bin/time';
  if (!existsSync(time)) {
    console.log('--scale needs GNU time at /usr/bin/time (apt-get install time)');
    process.exit(2);
  }
  const measured = [];
  for (const size of sizes) {
    const project = corpus(size);
    console.log(`\n${size} articles: cold build under ${time} -v`);
    const loadBefore = load();
    const results = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
      clearHealthmd(project);
      const start = process.hrtime.bigint();
      const result = spawnSync(time, ['-v', 'node', bin, 'build', '--quiet'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const { peakMiB } = parseTimeVerbose(result.stderr);
      const crashed = /FATAL ERROR|heap out of memory|Native stack trace/i.test(result.stderr);
      results.push({ seconds, peakMiB, status: result.status, crashed });
      console.log(`  ${seconds.toFixed(1)} s, peak ${fixed(peakMiB, 0)} MiB, exit ${result.status}${crashed ? ' (V8 crash)' : ''}`);
      if (result.status !== 0) {
        console.log(result.stderr.split('\n').filter((l) => !l.startsWith('\t')).slice(0, 6).join('\n'));
        break;
      }
    }
    const ok = results.filter((r) => r.status === 0);
    const summary = ok.length ? summarize(ok.map((r) => r.seconds)) : undefined;
    const peak = Math.max(...results.map((r) => r.peakMiB ?? 0));
    const seen = `load ${loadBefore} → ${load()}`;
    console.log(`  (${seen})`);
    measured.push({ size, summary, peak });
    const last = results.at(-1);
    table.push({
      measure: `${size} articles, cold build`,
      healthmd: summary ? `${formatTime(summary)}, ${peak.toFixed(0)} MiB peak, ${((summary.median / size) * 1000).toFixed(2)} ms/article` : `exit ${last.status}${last.crashed ? ', V8 crash' : ''} after ${last.seconds.toFixed(0)} s at ${fixed(last.peakMiB, 0)} MiB`,
      peer: '',
      ratio: '',
      goal: '< 600 MB peak; exit 2 with a message at worst',
      verdict: `${verdict(peak, 600 / 1.048576)}${last.crashed ? '; CRASH' : ''}`,
      load: seen,
    });
  }
  const [small, big] = [measured[0], measured.at(-1)];
  if (measured.length > 1 && small.summary && big.summary) {
    const r = big.summary.median / big.size / (small.summary.median / small.size);
    table.push({ measure: `time per article, ${big.size} vs ${small.size}`, healthmd: '', peer: '', ratio: fixed(r), goal: '≤ 1.25', verdict: verdict(r, 1.25), load: '' });
  }
}

execFileSync('node', ['scripts/bundle.mjs'], { cwd: repo, stdio: 'inherit' });
console.log(`${new Date().toISOString()}, node ${process.version}, ${runs} runs per contestant, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
if (scale) {
  scaleRows(scale.split(',').map(Number));
} else {
  const project = corpus(articles);
  const peers = peerCommands(repo);
  if (selected.has('build')) coldBuildRow(project, peers);
  if (selected.has('lint')) lintRow(project, peers);
  if (selected.has('warm')) warmLintRow(project);
  if (selected.has('rebuild')) rebuildRow(project);
  if (selected.has('one')) oneFileRows(project);
}

const report = `${formatTable(table)}\n\n${table.map((r) => `${r.measure}: ${r.load}`).join('\n')}${notes.length ? `\n\nunavailable: ${notes.join('; ')}` : ''}`;
console.log(`\n${report}`);
mkdirSync(work, { recursive: true });
appendFileSync(path.join(work, 'results.log'), `${new Date().toISOString()} ${scale ? `scale ${scale}` : `${articles} articles`}\n${report}\n\n`);
