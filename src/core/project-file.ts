import { realpathSync, statSync } from 'node:fs';
import { isOutsideFolder } from './url-safety.js';

/**
 * Answers "is this a regular file inside the project?" with symbolic links resolved, once per file:
 * what build and export copy, and so what lint passes (a symbolic link out of the project is not).
 */
export function projectFileCheck(root: string): (file: string) => boolean {
  const cache = new Map<string, boolean>();
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = root;
  }
  return (file) => {
    let answer = cache.get(file);
    if (answer === undefined) {
      try {
        const real = realpathSync(file);
        answer = !isOutsideFolder(real, realRoot) && statSync(real).isFile();
      } catch {
        answer = false;
      }
      cache.set(file, answer);
    }
    return answer;
  };
}
