import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '../../src/core/article.js';
import { defaultConfig, type HtmlMode } from '../../src/core/config.js';
import { HealthmdError } from '../../src/core/errors.js';
import { lintArticles } from '../../src/lint/engine.js';
import { buildSite } from '../../src/site/build-site.js';
import { lintGate } from '../../src/site/lint-gate.js';
import { removeNow } from '../../src/site/remove-later.js';
import { activeContent } from './support/active-content.js';
import { listFiles } from './support/project.js';
import { renderSite } from '../render/support/site.js';
import { tempFolder } from '../support/temp-folders.js';

/**
 * Generated articles, hostile by construction (raw HTML and URL attack vectors, YAML edge cases,
 * long lines, deep nesting, mixed with ordinary Markdown), never make lint or render throw or run
 * long, never reach a page as active content, and never make a build write outside its output
 * folder. The seed is fixed so a failure is reproducible; fast-check prints the shrunk article.
 */

const SEED = 20_250_301;
const NOW = '2025-03-01';
/** A generous bound on one article's lint or render on a loaded two-core machine: a hang or a quadratic scan blows it. */
const MAX_MS_PER_ARTICLE = 3000;

/** Where a traversal that escaped the project would land (checked after each build). */
const ESCAPE_NAME = 'healthmd-escaped';

const hostileUrl = fc.constantFrom(
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)',
  '%6Aavascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'data:image/png;base64,iVBORw0KGgo=',
  'file:///etc/passwd',
  '//evil.example/x.js',
  '\\\\evil.example\\share',
  '/\\evil.example',
  `../../../../${ESCAPE_NAME}/x.png`,
  `../../${ESCAPE_NAME}.md`,
  '/etc/passwd',
  '../outside.png',
  './img/pixel.png',
  'img/pixel.svg',
  'https://www.nhs.uk/',
  'mailto:a@example.org',
  'tel:+441234567890',
  '#',
  '',
  '<>',
  'https://example.org/"onmouseover="alert(1)',
);

const rawHtml = fc.constantFrom(
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href=" &#14;javascript:alert(1)">click</a>',
  '<iframe src="//evil.example"></iframe>',
  '<svg><script>alert(1)</script></svg>',
  '<svg/onload=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<form action="//evil.example"><input name=q><button>go</button></form>',
  '<details open ontoggle=alert(1)>x</details>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<textarea><script>alert(1)</script></textarea>',
  '<title><img src=x onerror=alert(1)></title>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<plaintext>',
  '<!-- <script>alert(1)</script> -->',
  '<!--',
  '-->',
  '<a href="',
  '<img src="data:text/html,x">',
  '<video poster=javascript:alert(1)></video>',
  '<table><tr><td background="javascript:alert(1)">x</td></tr></table>',
  '<p>kept <b>words</b></p>',
  '<a href="tel:+441234567890">call</a>',
);

const markdownPiece = fc.oneof(
  fc.constantFrom('# ', '## ', '#### ', '> ', '- ', '* ', '1. ', '10) ', '```', '~~~', '    ', '|a|b|\n|-|-|\n|c|d|', '---', '***', '[', ']', '](', '![', ')', '*', '_', '**', '`', '\\', '&amp;', '&#0;', '&#x110000;', '\u0000', '\u202e', '\r\n', '\t', '{{ site.title }}', '{% include x.html %}', '{{< shortcode >}}', '<!-- healthmd-disable -->', '[^1]', 'TODO', 'cures cancer', 'Word'),
  hostileUrl.map((url) => `[link](${url})`),
  hostileUrl.map((url) => `![image](${url} "title")`),
  hostileUrl.map((url) => `<${url}>`),
  hostileUrl.map((url) => `\n[ref]: ${url}\n[uses it][ref]`),
  rawHtml,
  fc.string({ maxLength: 40 }),
);

/** Long lines and deep nesting: what a scan inside a loop, or recursion, turns into a hang or a crash. */
const pathological = fc.tuple(fc.constantFrom('[', '](', '[a](', '*', '_', '`', '<', '> ', '- ', '  - ', '|', '&', '[[', 'a '), fc.integer({ min: 1_000, max: 20_000 })).map(([unit, times]) => unit.repeat(Math.ceil(times / unit.length)));

const body = fc
  .array(fc.oneof({ weight: 8, arbitrary: fc.array(markdownPiece, { maxLength: 8 }).map((pieces) => pieces.join('')) }, { weight: 1, arbitrary: pathological }), { maxLength: 12 })
  .chain((blocks) => fc.array(fc.constantFrom('\n', '\n\n'), { minLength: blocks.length, maxLength: blocks.length }).map((joins) => blocks.map((b, i) => b + joins[i]).join('')));

/** YAML edge cases that parse (or fail to) in ways a hand-written parser gets wrong; rarer than plain hostile strings, so most articles still reach the renderer. */
const yamlEdgeCase = fc.constantFrom(
    '&a [*a, *a]',
    '!!js/function "function () { return process.exit(3) }"',
    '!!js/undefined ""',
    '!!binary AAAA',
    '? : .inf',
    '*nowhere',
    '~',
    'null',
    'undefined',
    '.nan',
    '-.inf',
    '0x1F',
    '2024-13-45',
    '0001-01-01',
    '"\\u0000"',
    '|\n  block\n  text',
    '>-\n  folded',
    '[unclosed',
    '{a: 1}',
    '{{ page.title }}',
    '"</script><script>alert(1)</script>"',
    "'<img src=x onerror=alert(1)>'",
    '[a, [b, [c, [d]]]]',
    '""',
    "''",
    'yes',
    '- one\n  - two',
);

const yamlScalar = fc.oneof(
  { weight: 1, arbitrary: yamlEdgeCase },
  { weight: 2, arbitrary: hostileUrl.map((url) => JSON.stringify(url)) },
  { weight: 2, arbitrary: rawHtml.map((html) => JSON.stringify(html)) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileUrl, rawHtml), { maxLength: 3 }).map((list) => JSON.stringify(list)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => JSON.stringify('x'.repeat(n))) },
);

const KEYS = ['title', 'description', 'date', 'updated', 'author', 'reviewedBy', 'lastReviewed', 'type', 'condition', 'treatments', 'tags', 'slug', 'draft', 'published', 'lang', 'image', 'imageAlt', 'aliases', 'permalink', 'layout', '<<', '__proto__', 'constructor'];

/** A sound article's keys, each replaced when the generator picks it. */
const BASE: Record<string, string> = { title: 'Back pain', description: 'What helps with back pain that lasts more than a few weeks, and when to see a doctor.', date: '2024-05-08', author: 'A Writer' };

const frontMatter = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), yamlScalar), { maxLength: 5, selector: ([key]) => key })
  .map((entries) => {
    const generated = new Map(entries);
    const base = Object.entries(BASE).filter(([key]) => !generated.has(key));
    return [...base, ...generated].map(([key, value]) => `${key}: ${value}\n`).join('');
  });

/** An article file's text: usually a sound base with hostile values mixed in, sometimes a broken fence. */
const articleText = fc.tuple(fc.oneof({ weight: 12, arbitrary: fc.constant('---\n') }, { weight: 1, arbitrary: fc.constantFrom('---js\n', '---coffee\n', '\ufeff---\n', '') }), frontMatter, fc.oneof({ weight: 12, arbitrary: fc.constant('---\n') }, { weight: 1, arbitrary: fc.constantFrom('...\n', '') }), body).map(
  ([open, front, close, text]) => `${open}${front}${close}${text}`,
);

function timed<T>(what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  if (ms > MAX_MS_PER_ARTICLE) throw new Error(`${what} took ${Math.round(ms)} ms`);
  return result;
}

function parse(content: string, relPath = 'article.md'): Article {
  return parseArticle({ path: `/project/articles/${relPath}`, relPath, content });
}

describe('generated hostile articles', () => {
  it('the active-content check itself sees what a browser would run', () => {
    expect(activeContent('<p><img src=x onerror=alert(1)></p><a href=" java\tscript:x">a</a>')).toEqual(['<img onerror>', '<a href=" java\tscript:x">']);
    expect(activeContent('<!doctype html><head><meta charset=utf-8></head><body><svg></svg></body>', { page: true })).toEqual(['<svg>']);
  });

  it('never make lint throw or run long', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const config = defaultConfig('/project');
        const results = timed('lint', () => lintArticles([parse(text)], { config, now: NOW }));
        expect(results).toHaveLength(1);
        for (const message of results[0].messages) {
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.message).not.toContain('[object Object]');
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 60_000);

  it.each(['sanitize', 'text'] as const)('never make render throw, run long or publish active content (html: %s)', (mode: HtmlMode) => {
    fc.assert(
      fc.property(articleText, (text) => {
        const article = parse(text);
        const config = defaultConfig('/project');
        config.site.baseUrl = 'https://example.org/';
        config.html = mode;
        // What --skip-lint lets through: only a fatal finding stops the build.
        if (lintGate([article], { config, now: NOW, skipLint: true }).blocked) return;
        const { output } = timed('render', () => renderSite([article], { config, files: ['articles/img/pixel.png'] }));
        for (const [file, item] of output) {
          if (!('content' in item) || !file.endsWith('.html')) continue;
          expect(activeContent(item.content, { page: true, allowDataImages: true }), file).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 60_000);

  it('never make the real build write outside its output folder', () => {
    const names = fc.constantFrom('a.md', 'sub/b.md', 'deep/er/c.md', 'café.md', 'cafe\u0301.md', 'x y.md', '-.md', '..md', '2024-05-08-post.md', 'UPPER.md', 'index.md', 'tags.md', 'assets.md', 'feed.xml.md');
    const slug = fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom('../../escape', '/etc', 'assets', 'index', 'feed.xml', '..', 'a/b', `../../${ESCAPE_NAME}`, 'ok-slug') },
    );
    // Articles a --skip-lint build publishes on their own (an unparseable one stops the whole build before any write).
    const publishable = articleText.filter((text) => !lintGate([parse(text)], { config: defaultConfig('/project'), now: NOW, skipLint: true }).blocked);
    const project = fc.uniqueArray(fc.tuple(names, slug, publishable), { minLength: 1, maxLength: 4, selector: ([name]) => name.normalize('NFC').toLowerCase() });
    fc.assert(
      // Mostly --skip-lint: a hostile article has lint errors, and a build they stop writes nothing at all.
      fc.property(project, fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), (articles, skipLint) => {
        const sandbox = realpathSync(tempFolder('healthmd-prop-'));
        const root = path.join(sandbox, 'project');
        mkdirSync(path.join(root, 'articles/img'), { recursive: true });
        writeFileSync(path.join(root, 'articles/img/pixel.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
        writeFileSync(path.join(sandbox, 'outside.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
        for (const [name, slugValue, text] of articles) {
          const file = path.join(root, 'articles', name);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, slugValue === undefined ? text : text.replace(/^slug: .*\n/m, '').replace(/^(\ufeff?---\w*\n)/, `$1slug: ${JSON.stringify(slugValue)}\n`));
        }
        const before = new Map(listFiles(sandbox).map((file) => [file, readFileSync(path.join(sandbox, file))]));
        const config = defaultConfig(root);
        config.site.baseUrl = 'https://example.org/';
        try {
          buildSite({ config, cwd: root, now: NOW, skipLint, removeLater: removeNow });
        } catch (error) {
          // A refusal is fine (exit 1 or 2 with a message); a crash is not.
          expect(error instanceof HealthmdError, String((error as Error).stack)).toBe(true);
        }
        const after = listFiles(sandbox);
        for (const file of after) {
          // The output, and the incremental cache the build keeps at the project root (.healthmd/).
          if (file.startsWith('project/public/') || file.startsWith('project/.healthmd/')) continue;
          expect(before.get(file), `${file} was written outside public/`).toBeDefined();
          expect(readFileSync(path.join(sandbox, file)).equals(before.get(file)!), `${file} was changed`).toBe(true);
        }
        expect(readdirSync(root).filter((name) => name !== '.healthmd').sort()).toEqual(existsSync(path.join(root, 'public')) ? ['articles', 'public'] : ['articles']);
        expect(existsSync(path.join(tmpdir(), ESCAPE_NAME)) || existsSync(path.join(sandbox, ESCAPE_NAME))).toBe(false);
        removeNow(sandbox);
      }),
      { seed: SEED, numRuns: 20 },
    );
  }, 60_000);
});
