import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutputItem } from '../../src/render/site-renderer.js';
import { checkOutputFolder, MARKER, readMarker } from '../../src/site/output-folder.js';
import { removeNow } from '../../src/site/remove-later.js';
import { halfSwapped, writeSite, type WriteSiteOptions } from '../../src/site/write-site.js';

let parent: string;
let outDir: string;

beforeEach(() => {
  parent = realpathSync(mkdtempSync(path.join(tmpdir(), 'healthmd-write-')));
  outDir = path.join(parent, 'public');
});

const files = (entries: Record<string, string>): OutputItem[] => Object.entries(entries).map(([p, content]) => ({ path: p, content }));

function write(items: Iterable<OutputItem>, options: Partial<WriteSiteOptions> = {}) {
  return writeSite(items, { outDir, previous: readMarker(outDir), version: 'test', removeLater: removeNow, ...options });
}

function tree(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]))
    .sort();
}

describe('writeSite', () => {
  it('writes the files and a marker listing them, leaving nothing beside the output folder', () => {
    const result = write(files({ 'index.html': 'home', 'articles/a/index.html': 'a' }));
    expect(result).toEqual({ written: 2, kept: 0, reused: 0 });
    expect(tree(outDir)).toEqual([MARKER, 'articles/a/index.html', 'index.html']);
    expect(readMarker(outDir)?.files).toEqual(['articles/a/index.html', 'index.html']);
    expect(readdirSync(parent)).toEqual(['public']);
  });

  it('makes the output readable by others (a web server), unlike a private temp folder', () => {
    write(files({ 'index.html': 'home' }));
    expect(lstatSync(outDir).mode & 0o055).toBe(0o055 & ~process.umask());
  });

  it('copies files it is asked to copy', () => {
    const source = path.join(parent, 'spine.png');
    writeFileSync(source, 'PNG');
    write([{ path: 'assets/media/spine.png', copyFrom: source }]);
    expect(readFileSync(path.join(outDir, 'assets/media/spine.png'), 'utf8')).toBe('PNG');
  });

  it('leaves out pages an earlier build wrote and this one did not, and keeps files healthmd did not make', () => {
    write(files({ 'index.html': 'v1', 'articles/old/index.html': 'old' }));
    writeFileSync(path.join(outDir, 'CNAME'), 'example.org');
    write(files({ 'index.html': 'v2' }));
    expect(tree(outDir)).toEqual([MARKER, 'CNAME', 'index.html']);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('v2');
    expect(readMarker(outDir)?.files).toEqual(['index.html']);
  });

  it('drops files healthmd did not make too when told not to keep them (--clean)', () => {
    write(files({ 'index.html': 'v1' }));
    writeFileSync(path.join(outDir, 'CNAME'), 'example.org');
    write(files({ 'index.html': 'v2' }), { keepForeign: false });
    expect(tree(outDir)).toEqual([MARKER, 'index.html']);
  });

  it('refuses paths that would leave the output folder', () => {
    for (const bad of ['../escape.html', '/etc/x', 'a/../../b', 'a\\b', '', MARKER]) {
      expect(() => write(files({ [bad]: 'x' }))).toThrow();
    }
    expect(existsSync(path.join(parent, 'escape.html'))).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('leaves the previous output exactly as it was when writing fails', () => {
    write(files({ 'index.html': 'v1' }));
    function* failing(): Generator<OutputItem> {
      yield { path: 'index.html', content: 'v2' };
      throw new Error('template blew up');
    }
    expect(() => write(failing())).toThrow();
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('v1');
    expect(readdirSync(parent)).toEqual(['public']);
  });

  it('writes many pages in order, folder by folder, and reports a file that cannot be copied by its error code', () => {
    const pages = Array.from({ length: 600 }, (_, i) => [`topic-${i % 7}/page-${i}/index.html`, `page ${i}`] as const);
    write(files(Object.fromEntries(pages)));
    for (const [file, content] of pages) expect(readFileSync(path.join(outDir, file), 'utf8')).toBe(content);

    const missing = path.join(parent, 'no-such-image.png');
    const items: OutputItem[] = [...files({ 'index.html': 'v2' }), { path: 'media/x.png', copyFrom: missing }, ...files(Object.fromEntries(pages.map(([f]) => [f, 'v2'])))];
    expect(() => write(items)).toThrow(/ENOENT/);
    expect(readFileSync(path.join(outDir, pages[0][0]), 'utf8')).toBe('page 0');
    expect(readdirSync(parent)).toEqual(['public']);
  });

  it('sweeps staging folders of killed builds and puts back an output folder caught mid-swap', () => {
    write(files({ 'index.html': 'v1' }));
    const dead = 999_999;
    mkdirSync(path.join(parent, `.public.healthmd-build-${dead}-abc123`));
    const aside = path.join(parent, `.public.healthmd-old-${dead}-xyz`);
    // Killed between the two renames: the old output is aside and public/ is missing.
    renameSync(outDir, aside);
    write(files({ 'other.html': 'v2' }), { previous: undefined });
    expect(readdirSync(parent)).toEqual(['public']);
    // The restored output's marker still tells build files from others: the old index goes.
    expect(tree(outDir)).toEqual([MARKER, 'other.html']);
  });

  it('puts back an output folder set aside by a killed run whose process id is in use again', () => {
    // In a container every run may get the same id: the killed run's can be this very process's.
    write(files({ 'index.html': 'v1' }));
    writeFileSync(path.join(outDir, 'CNAME'), 'example.org');
    renameSync(outDir, path.join(parent, `.public.healthmd-old-${process.pid}-xyz`));
    expect(halfSwapped(outDir)).toBe(path.join(parent, `.public.healthmd-old-${process.pid}-xyz`));
    write(files({ 'index.html': 'v2' }), { previous: undefined });
    expect(readdirSync(parent)).toEqual(['public']);
    // Restored before the carry-over: the file the user added to the output survives the kill.
    expect(readFileSync(path.join(outDir, 'CNAME'), 'utf8')).toBe('example.org');
    expect(halfSwapped(outDir)).toBeUndefined();
  });

  it('finds no half-swapped state while the output folder is there', () => {
    write(files({ 'index.html': 'v1' }));
    mkdirSync(path.join(parent, '.public.healthmd-old-999999-abc'));
    expect(halfSwapped(outDir)).toBeUndefined();
  });
});

describe('checkOutputFolder', () => {
  const guarded = () => ({ root: path.join(parent, 'project'), articlesDir: path.join(parent, 'project/articles'), templatesDir: path.join(parent, 'project/templates') });
  const check = (dir: string) => checkOutputFolder(dir, guarded(), (p) => path.relative(parent, p));

  it('refuses the project, its articles folder and their parents', () => {
    for (const dir of ['project', 'project/articles', '.', '/']) expect(() => check(path.resolve(parent, dir))).toThrow(/refusing/);
  });

  it('refuses a folder of files healthmd did not make, and accepts an empty or earlier output', () => {
    const dir = path.join(parent, 'site');
    expect(check(dir)).toBeUndefined();
    mkdirSync(dir);
    expect(check(dir)).toBeUndefined();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(() => check(dir)).toThrow(/did not make/);
    writeFileSync(path.join(dir, MARKER), JSON.stringify({ generator: 'healthmd', version: '1', files: ['index.html', '../x'] }));
    expect(check(dir)?.files).toEqual(['index.html']);
  });
});
