import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CacheMap, CACHE_DIR, sha256 } from '../../src/cache/cache-file.js';
import { tempProject } from '../e2e/helpers.js';

const names = Array.from({ length: 40 }, (_, i) => `/project/articles/a-${i}.md`);

function filled(root: string): void {
  const map = new CacheMap<number>(root, 'test', 'key').load();
  names.forEach((name, i) => map.set(name, i));
  map.save();
}

describe('CacheMap', () => {
  it('keeps the entries a run did not ask for when it changes others in the same shards', () => {
    const root = tempProject();
    filled(root);
    const map = new CacheMap<number>(root, 'test', 'key').load();
    map.set(names[0], 100);
    map.delete(names[1]);
    map.save();
    const again = new CacheMap<number>(root, 'test', 'key').load();
    expect(again.names().sort()).toEqual(names.filter((name) => name !== names[1]).sort());
    expect(again.get(names[0])).toBe(100);
    expect(again.get(names[2])).toBe(2);
  });

  it('answers an entry from its own shard when the others are damaged', () => {
    const root = tempProject();
    filled(root);
    const [dir] = readdirSync(path.join(root, CACHE_DIR)).map((name) => path.join(root, CACHE_DIR, name));
    const shards = readdirSync(dir);
    expect(shards.length).toBeGreaterThan(1);
    const map = new CacheMap<number>(root, 'test', 'key').load();
    expect(map.get(names[5])).toBe(5);
    for (const shard of shards) writeFileSync(path.join(dir, shard), 'damaged');
    // The shard of names[5] was read when it was asked for; the others are read now, and are damaged.
    expect(map.get(names[5])).toBe(5);
    expect(map.names().length).toBeLessThan(names.length);
  });

  it.each([
    ['V8-serialised', 'index-0.v8', {}],
    ['JSON', 'index-0.json', { json: true }],
  ])('keeps a map of thousands of entries in one file (%s), and trusts none of a file cut short or changed', (_, fileName, codec) => {
    const root = tempProject();
    const many = Array.from({ length: 5000 }, (_, i) => `/project/articles/b-${i}-é.md`);
    const options = { name: 'index', shards: 1, ...codec };
    const map = new CacheMap<{ n: number; text: string }>(root, 'test', 'key', options).load();
    many.forEach((name, i) => map.set(name, { n: i, text: `Entrée ${i} ✓` }));
    map.save();
    const again = new CacheMap<{ n: number; text: string }>(root, 'test', 'key', options).load();
    expect(again.names()).toEqual(many);
    expect(again.get(many[4321])).toEqual({ n: 4321, text: 'Entrée 4321 ✓' });
    const [dir] = readdirSync(path.join(root, CACHE_DIR)).map((name) => path.join(root, CACHE_DIR, name));
    expect(readdirSync(dir)).toEqual([fileName]);
    const file = path.join(dir, fileName);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    expect(new CacheMap<{ n: number }>(root, 'test', 'key', options).load().names()).toEqual([]);
    bytes[bytes.length - 10] ^= 0x01;
    writeFileSync(file, bytes);
    expect(new CacheMap<{ n: number }>(root, 'test', 'key', options).load().names()).toEqual([]);
  });

  it('keeps maps of one folder apart by name, in as many files as asked', () => {
    const root = tempProject();
    const index = new CacheMap<string>(root, 'test', 'key', { name: 'index', shards: 1 }).load();
    const shards = new CacheMap<string>(root, 'test', 'key').load();
    for (const name of names) {
      index.set(name, 'index');
      shards.set(name, 'shard');
    }
    index.save();
    shards.save();
    const [dir] = readdirSync(path.join(root, CACHE_DIR)).map((name) => path.join(root, CACHE_DIR, name));
    expect(readdirSync(dir).filter((file) => file.startsWith('index-'))).toEqual(['index-0.v8']);
    expect(readdirSync(dir).filter((file) => !file.startsWith('index-')).length).toBeGreaterThan(1);
    expect(new CacheMap<string>(root, 'test', 'key', { name: 'index', shards: 1 }).load().get(names[3])).toBe('index');
    expect(new CacheMap<string>(root, 'test', 'key').load().get(names[3])).toBe('shard');
  });

  it('digests text and bytes as createHash does, whichever way the running Node offers', () => {
    for (const data of ['', 'Café ✓ 😀', 'x'.repeat(5000), Buffer.from([0, 255, 1]), new Uint8Array(70_000).fill(7)]) {
      expect(sha256(data)).toBe(createHash('sha256').update(data).digest('base64url'));
    }
  });
});
