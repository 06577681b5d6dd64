import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from '../../e2e/helpers.js';

/**
 * The benchmark's generator of realistic articles (bench/generate-corpus.mjs), so tests and
 * benchmarks build the same kind of project. Loaded by URL: it is plain JavaScript without types.
 */
export async function generateCorpus(dir: string, count: number): Promise<string> {
  const module = (await import(pathToFileURL(path.join(REPO, 'bench/generate-corpus.mjs')).href)) as { generateCorpus(dir: string, count: number): string };
  return module.generateCorpus(dir, count);
}
