import { realpathSync, statSync } from 'node:fs';
import { isOutsideFolder } from './url-safety.js';

export interface ProjectFileCheckOptions {
  /**
   * Remember each answer (the default): right for one build, export or lint, where the files do
   * not change underneath. The preview server passes false, since images come and go while it runs
   * and every answer must be current.
   */
  remember?: boolean;
}

/**
 * Answers "is this a regular file inside the project?" with symbolic links resolved: what build
 * and export copy, and so what lint passes (a symbolic link out of the project is not).
 */
export function projectFileCheck(root: string, { remember = true }: ProjectFileCheckOptions = {}): (file: string) => boolean {
  const realRoot = (): string => {
    try {
      return realpathSync(root);
    } catch {
      return root;
    }
  };
  const check = (file: string, inside: string): boolean => {
    try {
      const real = realpathSync(file);
      return !isOutsideFolder(real, inside) && statSync(real).isFile();
    } catch {
      return false;
    }
  };
  if (!remember) return (file) => check(file, realRoot());
  const cache = new Map<string, boolean>();
  const inside = realRoot();
  return (file) => {
    let answer = cache.get(file);
    if (answer === undefined) {
      answer = check(file, inside);
      cache.set(file, answer);
    }
    return answer;
  };
}
