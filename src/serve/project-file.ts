import { realpathSync, statSync } from 'node:fs';
import { isOutsideFolder } from '../core/url-safety.js';

/**
 * "Is this a regular file inside the project?", with symbolic links resolved. Unlike build's check
 * it remembers nothing: while serving, images come and go and every answer must be current.
 */
export function projectFileCheck(root: string): (file: string) => boolean {
  return (file) => {
    try {
      const real = realpathSync(file);
      return !isOutsideFolder(real, realpathSync(root)) && statSync(real).isFile();
    } catch {
      return false;
    }
  };
}
