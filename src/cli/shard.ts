import { UsageError } from '../core/errors.js';

/** One of `count` parts of a project, numbered from 1 as CI matrices number them. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `--shard i/n` (1 <= i <= n). */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${value}: expected I/N with 1 <= I <= N, e.g. --shard 2/4`);
  return { index, count };
}

/**
 * Whether a file belongs to a shard, by a hash of its project-relative path (FNV-1a): the same
 * file lands in the same shard on every machine and run, and adding a file moves no other.
 */
export function inShard(relPath: string, shard: Shard): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < relPath.length; i++) hash = Math.imul(hash ^ relPath.charCodeAt(i), 0x01000193) >>> 0;
  return hash % shard.count === shard.index - 1;
}
