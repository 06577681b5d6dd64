// The floor: what a build with marked and yaml cannot beat on this machine. Reads each article,
// parses its front matter with `yaml`, `marked.parse`s its body and writes `<slug>/index.html` into
// an empty folder, on one worker thread per core. Usage: node bench/floor.mjs ARTICLES_DIR OUT_DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

function markdownFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(path.join(dir, entry.name), path.join(prefix, entry.name)) : entry.name.endsWith('.md') ? [path.join(prefix, entry.name)] : [],
  );
}

if (isMainThread) {
  const [articles, out] = process.argv.slice(2).map((p) => path.resolve(p));
  const files = markdownFiles(articles);
  const workers = availableParallelism();
  mkdirSync(out, { recursive: true });
  await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { articles, out, files: files.filter((_, j) => j % workers === i) } });
      return new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`floor worker exited ${code}`))));
      });
    }),
  );
} else {
  const { parse } = await import('yaml');
  const { marked } = await import('marked');
  const { articles, out, files } = workerData;
  for (const file of files) {
    const text = readFileSync(path.join(articles, file), 'utf8');
    const end = text.indexOf('\n---', 4);
    const data = parse(text.slice(4, end));
    const body = marked.parse(text.slice(text.indexOf('\n', end + 1) + 1));
    const dir = path.join(out, file.slice(0, -3));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>${data.title}</title>${body}`);
  }
}
