import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, REPO, runCli, tempProject } from './helpers.js';
import { listFiles } from '../site/support/project.js';
import { tempFolder } from '../support/temp-folders.js';

const env = { HEALTHMD_NOW: '2024-06-01' };

/** Articles that show each other: a relative link with an anchor, a site-root link, translations, tags, images. */
function site(): string {
  return tempProject({
    'articles/back-pain.md': cleanArticle('Back Pain', {
      extra: 'tags: [spine, pain]\ntranslationKey: back\nimage: photo.png\nimageAlt: A person stretching\naliases:\n  - /old-back-pain/\n',
      body: '\nSee [sciatica](sciatica.md#when-to-get-help) and ![a chart](chart.png).\n',
    }),
    'articles/es/dolor-de-espalda.md': cleanArticle('Dolor de espalda', { extra: 'lang: es\ntranslationKey: back\ntags: [spine]\n' }),
    'articles/sciatica.md': cleanArticle('Sciatica', {
      extra: 'tags: [spine]\n',
      body: '\n## When to Get Help\n\nCall your doctor if the pain spreads down a leg. Back to [back pain](/articles/back-pain/).\n',
      date: '2024-04-02',
    }),
    'articles/knee-pain.md': cleanArticle('Knee Pain', { date: '2023-01-10' }),
    'articles/photo.png': 'png',
    // chart.png comes later: until then the page shows the chart's alt text, and lint warns.
    'healthmd.config.yaml': 'rules:\n  link-safety: warn\n',
  });
}

/** Every file of a folder, the marker included, with its bytes. */
const tree = (dir: string) => Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

/** What each file of a folder is on disk: files the build left alone keep their inode and times. */
const identities = (dir: string) => Object.fromEntries(listFiles(dir).map((file) => [file, identity(path.join(dir, file))]));
const identity = (file: string) => {
  const stat = statSync(file);
  return `${stat.ino}:${stat.mtimeMs}`;
};

/** Builds the project as it is now into a copy of it, without the cache or the output: what the incremental build must equal. */
async function cleanBuild(cwd: string): Promise<Record<string, string>> {
  const copy = tempFolder('healthmd-clean-');
  // Not the output, the cache, nor a replaced output being removed beside it.
  cpSync(cwd, copy, { recursive: true, filter: (source) => !/[\\/](public|\.healthmd|\.public\.healthmd-[^\\/]*)$/.test(source) });
  const result = await runCli(['build', '--no-cache'], { cwd: copy, env });
  expect(result.code, result.stderr).toBe(0);
  const files = tree(path.join(copy, 'public'));
  rmSync(copy, { recursive: true, force: true });
  return files;
}

async function rebuild(cwd: string) {
  const result = await runCli(['build'], { cwd, env });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** Overwrites every file of the cache folders whose names start with `prefix`. */
function damage(cacheDir: string, prefix: string): void {
  for (const folder of readdirSync(cacheDir).filter((name) => name.startsWith(prefix))) {
    for (const file of readdirSync(path.join(cacheDir, folder))) writeFileSync(path.join(cacheDir, folder, file), 'not a cache');
  }
}

const edit = (cwd: string, file: string, change: (text: string) => string) => writeFileSync(path.join(cwd, file), change(readFileSync(path.join(cwd, file), 'utf8')));

/**
 * A site of `count` guides in seven topics, built, then built again after one edit: the second
 * build replaces the output and keeps the one it replaced as the spare, whose files are hard links
 * of the output's, for the next build to bring up to date.
 */
async function builtTwice(count: number): Promise<{ cwd: string; out: string }> {
  const files: Record<string, string> = { 'healthmd.config.yaml': 'rules:\n  link-safety: warn\n' };
  for (let i = 0; i < count; i++) files[`articles/topic-${i % 7}/guide-${i}.md`] = cleanArticle(`Guide ${i}`, { extra: `tags: [topic-${i % 7}]\n` });
  const cwd = tempProject(files);
  await rebuild(cwd);
  edit(cwd, 'articles/topic-0/guide-0.md', (text) => `${text}\nA first edit.\n`);
  await rebuild(cwd);
  return { cwd, out: path.join(cwd, 'public') };
}

describe('rebuild: only what changed is made again, and the output equals a clean build', () => {
  it('leaves every file alone when nothing changed, and rewrites only the pages an edit reaches', async () => {
    const cwd = site();
    const out = path.join(cwd, 'public');
    await rebuild(cwd);
    const before = identities(out);

    const same = await rebuild(cwd);
    expect(same.stdout).toMatch(/; 0 files changed, the rest as they were\n$/);
    expect(identities(out)).toEqual(before);

    // A sentence at the end of sciatica's body: its page changes; back-pain's link to it does not.
    edit(cwd, 'articles/sciatica.md', (text) => `${text}\nRest for a day or two if it helps.\n`);
    const edited = await rebuild(cwd);
    expect(edited.stdout).toMatch(/; 1 file changed, the rest as they were\n$/);
    const after = identities(out);
    const rewritten = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(rewritten).toEqual(['articles/sciatica/index.html']);
    expect(readFileSync(path.join(out, 'articles/sciatica/index.html'), 'utf8')).toContain('Rest for a day or two');
    expect(tree(out)).toEqual(await cleanBuild(cwd));
  }, 120_000);

  it('equals a clean build after edits that reach other pages: a slug, an image appearing, dates, a move, a deletion, a damaged cache, the config and a template', async () => {
    const cwd = site();
    const out = path.join(cwd, 'public');
    await rebuild(cwd);
    expect(tree(out)['articles/back-pain/index.html']).not.toContain('assets/media/articles/chart.png');

    const steps: Array<[string, () => void]> = [
      // back-pain links to sciatica.md: its href follows the new slug; the old page goes.
      ['a linked article gets a new slug', () => edit(cwd, 'articles/sciatica.md', (text) => text.replace('tags: [spine]', 'tags: [spine]\nslug: sciatica-guide'))],
      // Nothing in back-pain.md changed, but the image it names is there now.
      ['an image appears', () => writeFileSync(path.join(cwd, 'articles/chart.png'), 'chart')],
      // knee-pain becomes the newest: every page's latest posts change.
      ['an article becomes the newest', () => edit(cwd, 'articles/knee-pain.md', (text) => text.replace('date: 2023-01-10', 'date: 2024-05-09'))],
      ['a title shown in lists changes', () => edit(cwd, 'articles/knee-pain.md', (text) => text.replace('title: Knee Pain', 'title: Knee Pain in Runners'))],
      [
        'an article is moved to another folder',
        () => {
          mkdirSync(path.join(cwd, 'articles/joints'));
          renameSync(path.join(cwd, 'articles/knee-pain.md'), path.join(cwd, 'articles/joints/knee-pain.md'));
        },
      ],
      ['an article is deleted', () => rmSync(path.join(cwd, 'articles/es/dolor-de-espalda.md'))],
      // A damaged cache is not trusted: the build makes every page again.
      ['the page cache is damaged', () => damage(path.join(cwd, '.healthmd'), 'pages-')],
      ['the config changes', () => writeFileSync(path.join(cwd, 'healthmd.config.yaml'), 'site:\n  title: Spine Clinic\nrules:\n  link-safety: warn\n')],
      [
        'a template is overridden',
        () => {
          const layout = readFileSync(path.join(REPO, 'templates/layout.liquid'), 'utf8');
          mkdirSync(path.join(cwd, 'templates'));
          writeFileSync(path.join(cwd, 'templates/layout.liquid'), layout.replace('</body>', '<p>Clinic footer</p></body>'));
        },
      ],
      ['a page of the output is edited by hand', () => edit(cwd, 'public/articles/joints/knee-pain/index.html', (text) => text.replace('Knee Pain', 'Changed by hand'))],
      ['a page of the output is deleted by hand', () => rmSync(path.join(out, 'articles/back-pain/index.html'))],
    ];
    for (const [step, change] of steps) {
      change();
      await rebuild(cwd);
      expect(tree(out), step).toEqual(await cleanBuild(cwd));
    }
    expect(existsSync(path.join(out, 'articles/sciatica'))).toBe(false);
    expect(existsSync(path.join(out, 'articles/es'))).toBe(false);
    expect(existsSync(path.join(out, 'articles/knee-pain'))).toBe(false);
    expect(tree(out)['articles/back-pain/index.html']).toContain('assets/media/articles/chart.png');
    expect(tree(out)['index.html']).toContain('Clinic footer');
  }, 240_000);

  it('keeps files added to the output, refuses one in the way of a new page, and leaves the output as it was when lint stops the build', async () => {
    const cwd = site();
    const out = path.join(cwd, 'public');
    await rebuild(cwd);
    writeFileSync(path.join(out, 'CNAME'), 'health.example.org\n');
    edit(cwd, 'articles/knee-pain.md', (text) => `${text}\nIce helps.\n`);
    await rebuild(cwd);
    expect(readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('health.example.org\n');

    const before = tree(out);
    writeFileSync(path.join(cwd, 'articles/hip-pain.md'), cleanArticle('Hip Pain'));
    cpSync(path.join(out, 'CNAME'), path.join(out, 'articles/hip-pain'));
    const inTheWay = await runCli(['build'], { cwd, env });
    expect(inTheWay.code).toBe(2);
    expect(inTheWay.stderr).toContain('articles/hip-pain is in the way of a file the build writes; move it out of the output folder');
    rmSync(path.join(out, 'articles/hip-pain'));
    expect(tree(out)).toEqual(before);

    edit(cwd, 'articles/knee-pain.md', (text) => text.replace(/^title: .*$/m, 'title: ""'));
    const blocked = await runCli(['build'], { cwd, env });
    expect(blocked.code).toBe(1);
    expect(tree(out)).toEqual(before);
  }, 120_000);

  it('in a large site, whose folders are made while its articles are read, makes again every page changed or removed by hand', async () => {
    // From 500 articles the build opens its staging folder before it reads them; the third build brings the spare up to date.
    const { cwd, out } = await builtTwice(510);
    const page = (i: number) => path.join(out, `articles/topic-${i % 7}/guide-${i}/index.html`);
    // Edited where it is (the spare's link changes with it), replaced by a new file of the same
    // size (a new inode: the spare's link does not), and removed.
    edit(cwd, path.relative(cwd, page(1)), (text) => text.replace('Guide 1', 'Changed by hand'));
    const replaced = readFileSync(page(2), 'utf8').replace('Guide 2<', 'Guide X<');
    writeFileSync(`${page(2)}.new`, replaced);
    renameSync(`${page(2)}.new`, page(2));
    rmSync(page(3));
    const result = await rebuild(cwd);
    expect(result.stdout).toMatch(/from 510 articles .*; 3 files changed, the rest as they were/);
    expect(tree(out)).toEqual(await cleanBuild(cwd));
  }, 180_000);

  it('brings a large spare up to date from the listing the writer thread took of it: what the new output does not hold goes', async () => {
    // Past 128 files the spare is listed in the writer thread while the pages render.
    const { cwd, out } = await builtTwice(140);
    const cache = path.join(cwd, '.healthmd');
    const spare = path.join(cache, readdirSync(cache).find((name) => name.startsWith('output-'))!);
    expect(readdirSync(spare)).toContain('index.html');
    // What a spare may hold by the next build: a stray file, a file where the new output has a
    // folder, a tree of its own, and a page's folder gone.
    writeFileSync(path.join(spare, 'stray.html'), 'stray');
    writeFileSync(path.join(spare, 'articles/topic-1/guide-new'), 'a file where a folder goes');
    mkdirSync(path.join(spare, 'junk/deeper'), { recursive: true });
    writeFileSync(path.join(spare, 'junk/deeper/page.html'), 'junk');
    rmSync(path.join(spare, 'articles/topic-2'), { recursive: true });

    writeFileSync(path.join(cwd, 'articles/topic-1/guide-new.md'), cleanArticle('A New Guide', { extra: 'tags: [topic-1]\n' }));
    edit(cwd, 'articles/topic-3/guide-3.md', (text) => `${text}\nA second edit.\n`);
    const result = await rebuild(cwd);
    expect(result.stdout).toMatch(/Built 1\d\d pages from 141 articles .*; \d+ files changed, the rest as they were/);
    expect(tree(out)).toEqual(await cleanBuild(cwd));
    expect(existsSync(path.join(out, 'stray.html'))).toBe(false);
    expect(existsSync(path.join(out, 'junk'))).toBe(false);
  }, 120_000);
});
