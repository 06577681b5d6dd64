import { cpSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO, tempProject } from '../../e2e/helpers.js';

/** A review date the bundled sample stays lint-clean on (its reviews run for 36 months). */
export const SAMPLE_NOW = '2027-01-01';

/** A copy of the bundled sample project (articles and config) in a fresh temp folder. */
export function sampleProject(files: Record<string, string> = {}): string {
  const dir = tempProject(files);
  cpSync(path.join(REPO, 'articles'), path.join(dir, 'articles'), { recursive: true });
  cpSync(path.join(REPO, 'healthmd.config.yaml'), path.join(dir, 'healthmd.config.yaml'));
  return dir;
}

/** Files under `dir`, relative, with forward slashes, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix))
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(path.join(dir, rel)).isDirectory() ? listFiles(dir, rel) : [rel];
    })
    .sort();
}
