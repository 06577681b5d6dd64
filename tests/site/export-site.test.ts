import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { HealthmdError, UsageError } from '../../src/core/errors.js';
import { exportSite, type ExportOptions } from '../../src/site/export-site.js';
import { EXPORT_MARKER, isExportZip } from '../../src/site/export-target.js';
import { MARKER } from '../../src/site/output-folder.js';
import { removeNow } from '../../src/site/remove-later.js';
import { REPO, tempProject } from '../e2e/helpers.js';
import { attr, byTag, elements, parseHtml, text } from './support/html.js';
import { listFiles, SAMPLE_NOW, sampleProject } from './support/project.js';

/** A 4×3 PNG, so a test can tell the image that arrived is this one. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAKElEQVR4nAXBgQAAAAzDsOIM4hDDOdghivUEQUZWDoMZs+aw2LFr7wEYNg95p5olrgAAAABJRU5ErkJggg==', 'base64');

/** Three lint-clean articles with images: one in a shared folder, one beside its article, one on another site. */
function imageProject(): string {
  return tempProject({
    'healthmd.config.yaml': 'site:\n  title: Spine Clinic News\n  baseUrl: https://clinic.example.org/news/\ntypes:\n  news: {requiredSections: [], medical: false}\ndefaultType: news\n',
    'images/spine.png': PNG,
    'articles/guides/img/stretch.png': PNG,
    'articles/spine-care.md': [
      '---',
      'title: Caring for your spine at work',
      'description: Simple ways to look after your back at a desk, with a diagram of how to sit and when to stand up.',
      'date: 2024-06-03',
      'author: Sam Lee',
      'image: ../images/spine.png',
      'imageAlt: A drawing of a spine',
      'tags: [back pain, work]',
      '---',
      '## At your desk',
      '',
      'Sit with your feet flat and your back against the chair.',
      '',
      '![A diagram of a good sitting position](../images/spine.png)',
      '',
      'Our [stretching guide](guides/stretching.md) shows moves you can do at your desk.',
      'The [older clinic note](old-note.md) is not part of every export.',
      '',
      '![A chart from another site](https://images.example.org/chart.png)',
      '',
    ].join('\n'),
    'articles/guides/stretching.md': [
      '---',
      'title: Five stretches for your desk',
      'description: Short stretches that ease a stiff back and neck during a working day, with a picture of each one.',
      'date: 2024-05-20',
      'author: Sam Lee',
      'tags: [work]',
      '---',
      'Stand up once an hour and stretch.',
      '',
      '![A person stretching their arms above their head](img/stretch.png)',
      '',
      'Read more about [caring for your spine](../spine-care.md#at-your-desk).',
      '',
    ].join('\n'),
    'articles/old-note.md': [
      '---',
      'title: Our clinic moved to a new building',
      'description: The clinic moved to a new building in 2022; this note says where it is and how to get there by bus.',
      'date: 2022-01-10',
      'author: Sam Lee',
      'tags: [clinic]',
      '---',
      'The clinic is now on Station Road, next to the library.',
      '',
    ].join('\n'),
  });
}

function run(project: string, options: Partial<ExportOptions> & { out?: string; zip?: string } = {}) {
  const { out, zip, ...rest } = options;
  const target = zip !== undefined ? { kind: 'zip' as const, path: path.join(project, zip) } : { kind: 'folder' as const, path: path.join(project, out ?? 'bundle') };
  return exportSite({ config: loadConfig(project), cwd: project, now: SAMPLE_NOW, target, removeLater: removeNow, ...rest });
}

async function exported(project: string, options: Parameters<typeof run>[1] = {}) {
  const result = await run(project, options);
  if (result.status !== 'exported') throw new Error(`export blocked: ${JSON.stringify(result.lint.results.flatMap((r) => r.messages))}`);
  return result;
}

const pageOf = (dir: string, file: string) => parseHtml(readFileSync(path.join(dir, file), 'utf8'));

/**
 * Every reference of every page of a bundle that does not stay inside it or is broken. Allowed:
 * a fragment naming an id on the page; a relative URL of an existing file in the bundle (a page
 * is its .html file, never a folder); the canonical link; and on article pages, web and contact
 * links the article's own Markdown holds.
 */
function strayReferences(dir: string, sourceOf: (page: string) => string | undefined): string[] {
  const stray: string[] = [];
  for (const page of listFiles(dir).filter((f) => f.endsWith('.html'))) {
    const root = pageOf(dir, page);
    const ids = new Set(elements(root).map((e) => attr(e, 'id')).filter(Boolean));
    for (const element of elements(root)) {
      for (const name of ['href', 'src', 'srcset', 'poster', 'action', 'data']) {
        const value = attr(element, name);
        if (value === undefined) continue;
        const where = `${page}: <${element.tagName} ${name}="${value}">`;
        if (element.tagName === 'link' && attr(element, 'rel') === 'canonical') continue;
        if (value.startsWith('#')) {
          if (!ids.has(decodeURIComponent(value.slice(1)))) stray.push(`${where} names no id on the page`);
          continue;
        }
        if (/^data:image\/png;base64,/.test(value) && element.tagName === 'img') continue;
        if (/^(https?|mailto|tel):/.test(value)) {
          if (element.tagName !== 'a' || !sourceOf(page)?.includes(value)) stray.push(`${where} leaves the bundle`);
          continue;
        }
        if (/^[a-z][a-z0-9+.-]*:|^\/|\/$|^$/i.test(value)) {
          stray.push(`${where} is not a relative file link`);
          continue;
        }
        const file = path.resolve(path.dirname(path.join(dir, page)), decodeURIComponent(value.split('#')[0]));
        if (!file.startsWith(dir + path.sep) || !existsSync(file)) stray.push(`${where} names no file of the bundle`);
      }
    }
  }
  return stray;
}

interface ZipEntry {
  name: string;
  bytes: Buffer;
  date: Date;
  mode: number;
}

async function unzip(file: string): Promise<{ comment: string; entries: ZipEntry[] }> {
  const zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(file, { lazyEntries: true });
  const entries: ZipEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks), date: entry.getLastModDate(), mode: entry.externalFileAttributes >>> 16 });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return { comment: zip.comment, entries };
}

describe('export of the bundled sample articles as a folder', () => {
  let project: string;
  let bundle: string;
  let result: Awaited<ReturnType<typeof exported>>;

  beforeAll(async () => {
    project = sampleProject();
    bundle = path.join(project, 'bundle');
    result = await exported(project);
  });

  it('holds the index, every article, the tag pages and the stylesheet, marked as an export, without feed or sitemap', () => {
    const files = listFiles(bundle);
    expect(files).toEqual(
      expect.arrayContaining([
        EXPORT_MARKER,
        'index.html',
        'assets/style.css',
        'articles/collaborative-care-back-pain/index.html',
        'articles/cancer/precision-medicine/index.html',
        'articles/womens-health/preparing-for-your-first-mammogram/index.html',
        'tags/back-pain/index.html',
      ]),
    );
    expect(files.filter((f) => f.startsWith('articles/'))).toHaveLength(6);
    expect(files).not.toContain('feed.xml');
    expect(files).not.toContain('sitemap.xml');
    expect(files).not.toContain(MARKER);
    expect(result).toMatchObject({ status: 'exported', articles: 6, files: files.length, notices: [] });
    expect(JSON.parse(readFileSync(path.join(bundle, EXPORT_MARKER), 'utf8')).files).toEqual(files.filter((f) => f !== EXPORT_MARKER));
  });

  it('links only to files inside the bundle (pages by their index.html), and out only where an article does', () => {
    const sources = new Map<string, string>();
    for (const file of listFiles(path.join(project, 'articles'))) {
      sources.set(file, readFileSync(path.join(project, 'articles', file), 'utf8'));
    }
    const sourceOf = (page: string) => {
      const title = text(byTag(pageOf(bundle, page), 'h1')[0]);
      return [...sources.values()].find((source) => source.includes(`title: ${title}`) || source.includes(`title: "${title}"`));
    };
    expect(strayReferences(bundle, sourceOf)).toEqual([]);
    const index = pageOf(bundle, 'index.html');
    expect(byTag(index, 'link').some((l) => attr(l, 'type') === 'application/atom+xml')).toBe(false);
  });
});

describe('export of a project with images', () => {
  let project: string;

  beforeAll(() => {
    project = imageProject();
  });

  it('copies the images its pages show into the bundle and leaves out an image on another site, saying where', async () => {
    const result = await exported(project);
    const bundle = path.join(project, 'bundle');
    expect(readFileSync(path.join(bundle, 'assets/media/images/spine.png'))).toEqual(PNG);
    expect(readFileSync(path.join(bundle, 'assets/media/articles/guides/img/stretch.png'))).toEqual(PNG);
    const page = pageOf(bundle, 'articles/spine-care/index.html');
    expect(byTag(page, 'img').map((img) => attr(img, 'src'))).toEqual(['../../assets/media/images/spine.png', '../../assets/media/images/spine.png']);
    expect(text(page)).toContain('A chart from another site');
    expect(result.status === 'exported' && result.notices).toEqual([expect.objectContaining({ file: 'articles/spine-care.md', line: 19, column: 1 })]);
    expect(strayReferences(bundle, () => readFileSync(path.join(project, 'articles/spine-care.md'), 'utf8'))).toEqual([]);
  });

  it('turns a link to an article outside the selection into plain text, and keeps links within it', async () => {
    await exported(project, { since: '2024-01-01' });
    const bundle = path.join(project, 'bundle');
    expect(listFiles(bundle).filter((f) => f.startsWith('articles/'))).toEqual(['articles/guides/stretching/index.html', 'articles/spine-care/index.html']);
    const page = pageOf(bundle, 'articles/spine-care/index.html');
    const links = byTag(page, 'a').map((a) => [text(a), attr(a, 'href')]);
    expect(links).toContainEqual(['stretching guide', '../guides/stretching/index.html']);
    expect(links.some(([words]) => words === 'older clinic note')).toBe(false);
    expect(text(page)).toContain('The older clinic note is not part of every export.');
    const back = byTag(pageOf(bundle, 'articles/guides/stretching/index.html'), 'a').find((a) => text(a) === 'caring for your spine');
    expect(attr(back!, 'href')).toBe('../../spine-care/index.html#at-your-desk');
  });

  it('writes each page as one file with its stylesheet and images inside (--single-file)', async () => {
    const result = await exported(project, { out: 'single', singleFile: true });
    const dir = path.join(project, 'single');
    expect(listFiles(dir)).toEqual([
      EXPORT_MARKER,
      'articles/guides/stretching.html',
      'articles/old-note.html',
      'articles/spine-care.html',
      'index.html',
      'tags/back-pain.html',
      'tags/clinic.html',
      'tags/work.html',
    ]);
    expect(result.status === 'exported' && result.pages).toBe(7);
    const css = readFileSync(path.join(REPO, 'templates/assets/style.css'), 'utf8').replace(/\s+/g, ' ').trim();
    for (const file of listFiles(dir).filter((f) => f.endsWith('.html'))) {
      const page = pageOf(dir, file);
      expect(byTag(page, 'link').filter((l) => attr(l, 'rel') === 'stylesheet'), file).toEqual([]);
      expect(byTag(page, 'style').map((s) => text(s)), file).toEqual([css]);
    }
    const spine = pageOf(dir, 'articles/spine-care.html');
    const sources = byTag(spine, 'img').map((img) => attr(img, 'src')!);
    expect(sources).toHaveLength(2);
    for (const src of sources) expect(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64')).toEqual(PNG);
    const links = byTag(spine, 'a').map((a) => [text(a), attr(a, 'href')]);
    expect(links).toContainEqual(['stretching guide', 'guides/stretching.html']);
    expect(links).toContainEqual(['work', '../tags/work.html']);
    expect(strayReferences(dir, () => readFileSync(path.join(project, 'articles/spine-care.md'), 'utf8'))).toEqual([]);
  });

  it('packs into a zip that unpacks to exactly the folder export, with sorted entries of one date and mode', async () => {
    await exported(project, { out: 'folder' });
    const result = await exported(project, { zip: 'bundle.zip' });
    const zip = path.join(project, 'bundle.zip');
    const { comment, entries } = await unzip(zip);
    const folder = path.join(project, 'folder');
    expect(entries.map((e) => e.name)).toEqual(listFiles(folder));
    for (const entry of entries) expect(entry.bytes.equals(readFileSync(path.join(folder, entry.name))), entry.name).toBe(true);
    expect(new Set(entries.map((e) => e.mode))).toEqual(new Set([0o100644]));
    // The newest article's day at noon, in local wall-clock fields as zip stores them.
    expect(new Set(entries.map((e) => e.date.getTime()))).toEqual(new Set([new Date(2024, 5, 3, 12).getTime()]));
    expect(comment).toBe('healthmd export');
    expect(isExportZip(zip)).toBe(true);
    expect(result.status === 'exported' && result.bytes).toBe(readFileSync(zip).length);
    expect(listFiles(project).filter((f) => !f.startsWith('articles/') && !f.startsWith('folder/') && !f.startsWith('single/') && !f.startsWith('bundle/'))).toEqual([
      'bundle.zip',
      'healthmd.config.yaml',
      'images/spine.png',
    ]);
  });

  it('gives the same zip bytes for the same input, and for single files too', async () => {
    await exported(project, { zip: 'a.zip' });
    await exported(project, { zip: 'b.zip' });
    expect(readFileSync(path.join(project, 'a.zip')).equals(readFileSync(path.join(project, 'b.zip')))).toBe(true);
    await exported(project, { zip: 'single-a.zip', singleFile: true });
    await exported(project, { zip: 'single-b.zip', singleFile: true });
    const single = readFileSync(path.join(project, 'single-a.zip'));
    expect(single.equals(readFileSync(path.join(project, 'single-b.zip')))).toBe(true);
    expect((await unzip(path.join(project, 'single-a.zip'))).entries.map((e) => e.name)).toContain('articles/spine-care.html');
  });
});

describe('selecting articles', () => {
  let project: string;

  beforeAll(() => {
    project = imageProject();
    writeFileSync(
      path.join(project, 'articles/draft.md'),
      '---\ntitle: A draft about standing desks\ndescription: A draft on standing desks that is not ready, with notes on height, posture and breaks.\ndate: 2024-07-01\nauthor: Sam Lee\ntags: [work]\ndraft: true\n---\nNot ready yet.\n',
    );
  });

  const articlesIn = (dir: string) =>
    listFiles(path.join(project, dir))
      .filter((f) => f.startsWith('articles/'))
      .map((f) => f.replace(/^articles\/|\/index\.html$/g, ''));

  it('takes every published article by default', async () => {
    await exported(project, { out: 'all' });
    expect(articlesIn('all')).toEqual(['guides/stretching', 'old-note', 'spine-care']);
  });

  it('takes the files and folders named', async () => {
    await exported(project, { out: 'paths', paths: ['articles/old-note.md', 'articles/guides'] });
    expect(articlesIn('paths')).toEqual(['guides/stretching', 'old-note']);
  });

  it('takes articles with any of the tags, however the tag is spelled', async () => {
    await exported(project, { out: 'tags', tags: ['Back Pain', 'clinic'] });
    expect(articlesIn('tags')).toEqual(['old-note', 'spine-care']);
  });

  it('takes articles dated on or after --since, and combines it with the other filters', async () => {
    await exported(project, { out: 'since', since: '2024-05-20' });
    expect(articlesIn('since')).toEqual(['guides/stretching', 'spine-care']);
    await exported(project, { out: 'both', since: '2024-05-21', tags: ['work'] });
    expect(articlesIn('both')).toEqual(['spine-care']);
  });

  it('takes drafts only with drafts', async () => {
    await exported(project, { out: 'drafts', tags: ['work'], drafts: true });
    expect(articlesIn('drafts')).toEqual(['draft', 'guides/stretching', 'spine-care']);
  });

  it('refuses a selection that selects nothing, and a file outside the articles folder', async () => {
    await expect(run(project, { out: 'none', tags: ['no-such-tag'] })).rejects.toBeInstanceOf(UsageError);
    await expect(run(project, { out: 'none', paths: ['articles/draft.md'] })).rejects.toBeInstanceOf(UsageError);
    writeFileSync(path.join(project, 'notes.md'), '---\ntitle: Notes\n---\nNotes.\n');
    await expect(run(project, { out: 'none', paths: ['notes.md'] })).rejects.toBeInstanceOf(UsageError);
    expect(existsSync(path.join(project, 'none'))).toBe(false);
  });
});

describe('where an export may go', () => {
  let project: string;

  beforeAll(() => {
    project = imageProject();
  });

  const refused = async (target: Parameters<typeof run>[1]) => {
    const error = await run(project, target).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HealthmdError);
    expect((error as HealthmdError).exitCode).toBe(2);
  };

  it('refuses the project, the articles folder, a parent of them and folders inside the articles', async () => {
    await refused({ out: '.' });
    await refused({ out: 'articles' });
    await refused({ out: '..' });
    await refused({ out: 'articles/guides/out' });
    await refused({ zip: 'articles/out.zip' });
    await refused({ zip: 'healthmd.config.yaml' });
  });

  it('refuses a non-empty folder, a build output and a file that are not earlier exports', async () => {
    mkdirSync(path.join(project, 'notes'));
    writeFileSync(path.join(project, 'notes/todo.txt'), 'keep me');
    await refused({ out: 'notes' });
    mkdirSync(path.join(project, 'public'));
    writeFileSync(path.join(project, 'public', MARKER), JSON.stringify({ generator: 'healthmd', version: '0', files: [] }));
    await refused({ out: 'public' });
    writeFileSync(path.join(project, 'report.zip'), 'not a zip');
    await refused({ zip: 'report.zip' });
    await refused({ zip: 'notes' });
    expect(readFileSync(path.join(project, 'notes/todo.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(path.join(project, 'report.zip'), 'utf8')).toBe('not a zip');
  });

  it('replaces an earlier export, and leaves it as it was when lint stops the export', async () => {
    await exported(project, { out: 'handoff' });
    await exported(project, { zip: 'handoff.zip' });
    const zipBefore = readFileSync(path.join(project, 'handoff.zip'));
    await exported(project, { out: 'handoff', singleFile: true });
    expect(listFiles(path.join(project, 'handoff'))).toContain('articles/spine-care.html');
    expect(listFiles(path.join(project, 'handoff'))).not.toContain('articles/spine-care/index.html');
    const before = listFiles(path.join(project, 'handoff'));

    writeFileSync(path.join(project, 'articles/broken.md'), '---\ntitle: Broken\n---\nNo description, date or author.\n');
    const blocked = await run(project, { out: 'handoff' });
    expect(blocked.status).toBe('blocked');
    expect((await run(project, { zip: 'handoff.zip' })).status).toBe('blocked');
    expect(listFiles(path.join(project, 'handoff'))).toEqual(before);
    expect(readFileSync(path.join(project, 'handoff.zip')).equals(zipBefore)).toBe(true);

    // A template that fails half-way through the pages: the files written so far never replace the export.
    mkdirSync(path.join(project, 'templates'));
    writeFileSync(path.join(project, 'templates/tag.liquid'), "{% layout 'layout' %}{% block main %}{% include page.title %}{% endblock %}");
    for (const target of [{ out: 'handoff' }, { zip: 'handoff.zip' }]) {
      await expect(run(project, { ...target, skipLint: true })).rejects.toMatchObject({ name: 'TemplateError', exitCode: 2 });
    }
    expect(listFiles(path.join(project, 'handoff'))).toEqual(before);
    expect(readFileSync(path.join(project, 'handoff.zip')).equals(zipBefore)).toBe(true);
    expect(readdirSync(project).filter((name) => name.includes('.healthmd-'))).toEqual([]);
    rmSync(path.join(project, 'templates'), { recursive: true });

    // Only fatal findings stop an export with skipLint; the broken article is then exported too.
    await exported(project, { out: 'handoff', skipLint: true });
    expect(listFiles(path.join(project, 'handoff'))).toContain('articles/broken/index.html');
  });
});
