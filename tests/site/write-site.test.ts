import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutputItem } from '../../src/render/site-renderer.js';
import { checkOutputFolder, MARKER, readMarker } from '../../src/site/output-folder.js';
import { removeNow } from '../../src/site/remove-later.js';
import { halfSwapped, Staging, writeSite, type WriteSiteOptions } from '../../src/site/write-site.js';
import { tempFolder } from '../support/temp-folders.js';

let parent: string;
let outDir: string;

beforeEach(() => {
  parent = realpathSync(tempFolder('healthmd-write-'));
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

  it('reports a folder made ahead that could not be made when the site is written, not while the articles are read', () => {
    write(files({ 'index.html': 'v1' }));
    const options: WriteSiteOptions = { outDir, previous: readMarker(outDir), version: 'test', removeLater: removeNow };
    const staging = new Staging(options);
    // A file where a page's folder goes: making the folder fails.
    writeFileSync(path.join(staging.dir, 'topic'), 'in the way');
    expect(() => staging.prepare(['topic/page-1', 'topic/page-2'])).not.toThrow();
    // No page lands in the folder that failed: only the failure kept says so.
    expect(() => writeSite(files({ 'index.html': 'v2' }), options, staging)).toThrow(/could not write the output \(the previous output is unchanged\): something of that name is in the way \(EEXIST\)/);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('v1');
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

describe('writeSite with a spare (the replaced output, kept for the next rebuild)', () => {
  const spareOf = () => path.join(parent, '.healthmd', 'output-test');
  const contents = (dir: string) => Object.fromEntries(tree(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
  const inode = (file: string) => lstatSync(file).ino;

  it('brings the spare up to date and swaps it in: the output a fresh write makes, the replaced one untouched', () => {
    const spare = spareOf();
    write(files({ 'index.html': 'v1', 'a/index.html': 'a', 'b/index.html': 'b', 'old/index.html': 'old', 'robots.txt': 'v1' }), { spare });
    writeFileSync(path.join(outDir, 'CNAME'), 'example.org');
    // No spare yet (the first output replaced nothing): this one is written into new folders.
    write([...files({ 'index.html': 'v2', 'b/index.html': 'b', 'c/index.html': 'c' }), { path: 'a/index.html', unchanged: {} } as unknown as OutputItem], { spare, reuse: true });
    expect(readMarker(spare)?.files).toEqual(['a/index.html', 'b/index.html', 'index.html', 'old/index.html', 'robots.txt']);
    expect(readdirSync(parent).sort()).toEqual(['.healthmd', 'public']);

    // What may be in a spare by the next build: files of pages since gone, a file where a folder
    // goes, a folder where a file goes, a missing page. None of it may reach the output.
    writeFileSync(path.join(spare, 'stray.html'), 'stray');
    writeFileSync(path.join(spare, 'd'), 'a file where a folder goes');
    mkdirSync(path.join(spare, 'e.html', 'x'), { recursive: true });
    removeNow(path.join(spare, 'b'));
    writeFileSync(path.join(outDir, 'added-by-hand.txt'), 'mine');
    const live = contents(outDir);
    const aBefore = inode(path.join(outDir, 'a/index.html'));

    const v3 = [
      ...files({ 'index.html': 'v3', 'b/index.html': 'b', 'd/index.html': 'd', 'e.html': 'e' }),
      { path: 'a/index.html', unchanged: {} } as unknown as OutputItem,
      { path: 'c/index.html', unchanged: {} } as unknown as OutputItem,
    ];
    const result = write(v3, { spare, reuse: true });
    expect(result).toEqual({ written: 3, kept: 2, reused: 3 });
    const fresh = path.join(parent, 'fresh');
    writeSite([...files({ 'index.html': 'v3', 'a/index.html': 'a', 'b/index.html': 'b', 'c/index.html': 'c', 'd/index.html': 'd', 'e.html': 'e', 'CNAME': 'example.org', 'added-by-hand.txt': 'mine' })], {
      outDir: fresh,
      version: 'test',
      removeLater: removeNow,
    });
    const { [MARKER]: marker, ...site } = contents(outDir);
    const { [MARKER]: _, ...freshSite } = contents(fresh);
    expect(site).toEqual({ ...freshSite, 'CNAME': 'example.org', 'added-by-hand.txt': 'mine' });
    expect(JSON.parse(marker).files).toEqual(['a/index.html', 'b/index.html', 'c/index.html', 'd/index.html', 'e.html', 'index.html']);
    // Unchanged pages are the very files readers had; the replaced output, now the spare, reads as it did.
    expect(inode(path.join(outDir, 'a/index.html'))).toBe(aBefore);
    expect(contents(spare)).toEqual(live);
  });

  it('never follows a symbolic link in the spare where the new output has a folder', () => {
    const spare = spareOf();
    const outside = path.join(parent, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'index.html'), 'precious');
    write(files({ 'index.html': 'v1' }), { spare });
    write(files({ 'index.html': 'v2' }), { spare, reuse: true });
    // Links where the next build makes folders: one to a folder outside, one leading nowhere.
    symlinkSync(outside, path.join(spare, 'docs'));
    symlinkSync(path.join(parent, 'nowhere'), path.join(spare, 'guides'));
    write(files({ 'index.html': 'v3', 'docs/index.html': 'docs', 'guides/index.html': 'guides' }), { spare, reuse: true });
    expect(readFileSync(path.join(outside, 'index.html'), 'utf8')).toBe('precious');
    expect(readdirSync(outside)).toEqual(['index.html']);
    expect(contents(outDir)).toMatchObject({ 'docs/index.html': 'docs', 'guides/index.html': 'guides', 'index.html': 'v3' });
    expect(lstatSync(path.join(outDir, 'docs')).isDirectory()).toBe(true);
  });

  it('leaves alone a folder at the spare that healthmd did not make, and keeps no spare then', () => {
    const spare = spareOf();
    mkdirSync(spare, { recursive: true });
    writeFileSync(path.join(spare, 'mine.txt'), 'mine');
    write(files({ 'index.html': 'v1' }), { spare });
    write(files({ 'index.html': 'v2' }), { spare, reuse: true });
    write(files({ 'index.html': 'v3' }), { spare, reuse: true });
    expect(tree(spare)).toEqual(['mine.txt']);
    expect(contents(outDir)['index.html']).toBe('v3');
    expect(readdirSync(parent).sort()).toEqual(['.healthmd', 'public']);
  });

  it('leaves the previous output as it was when a rebuild into the spare fails', () => {
    const spare = spareOf();
    write(files({ 'index.html': 'v1' }), { spare });
    write(files({ 'index.html': 'v2' }), { spare, reuse: true });
    const live = contents(outDir);
    function* failing(): Generator<OutputItem> {
      yield { path: 'index.html', content: 'v3' };
      throw new Error('template blew up');
    }
    expect(() => write(failing(), { spare, reuse: true })).toThrow();
    expect(contents(outDir)).toEqual(live);
    expect(readdirSync(parent).sort()).toEqual(['.healthmd', 'public']);
    // The spare went with the failed build; the next one writes into new folders.
    expect(existsSync(spare)).toBe(false);
    write(files({ 'index.html': 'v4' }), { spare, reuse: true });
    expect(contents(outDir)['index.html']).toBe('v4');
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
