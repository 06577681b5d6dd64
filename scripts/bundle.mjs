// Bundles the CLI into dist/ so a cold start reads one file instead of resolving hundreds of
// modules (at a one-file lint, import cost is most of the time), and makes V8's code cache for it.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Modules whose loading does work that a command seldom needs, bundled behind stand-ins that load
 * the module on first use (esbuild initialises a module reached by `require` only when it is
 * required). Measured in a one-file lint: transliterate compiles a pattern for each of its locales
 * as it loads (about 15 ms), though healthmd calls it only for a slug or tag that is not plain
 * ASCII (src/core/slug.ts); marked builds its regular expressions and entities unpacks its tables
 * (together about 12 ms), though a file whose findings come from the cache is never lexed. Each
 * export is a `function` (called) or a `class` (only constructed: its static members are not
 * forwarded); an import of any other name fails the bundle. `importer`: only for imports from
 * that file (build's renderer extends marked's classes as it loads, so it takes marked itself).
 */
const LAZY = [
  { module: '@sindresorhus/transliterate', exports: { default: 'function' } },
  { module: 'entities/decode', importer: 'src/', exports: { decodeHTML: 'function', decodeHTMLStrict: 'function', decodeHTMLAttribute: 'function' } },
  { module: 'marked', importer: 'src/core/markdown.ts', exports: { Lexer: 'class', Tokenizer: 'class' } },
];

function standIn(module, exports) {
  const lines = ['let loaded;', `const load = () => (loaded ??= require(${JSON.stringify(module)}));`];
  for (const [name, kind] of Object.entries(exports)) {
    const target = `load()[${JSON.stringify(name)}]`;
    const exported = name === 'default' ? 'export default' : 'export';
    const local = name === 'default' ? 'lazy' : name;
    lines.push(
      kind === 'class'
        ? `${exported} class ${local} { constructor(...args) { return new (${target})(...args); } }`
        : `${exported} function ${local}(...args) { return ${target}(...args); }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Resolves each lazy module, from the importers named, to its stand-in. */
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const filter = new RegExp(`^(${LAZY.map(({ module }) => escape(module)).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      // The stand-in's own require (pluginData marks it) resolves as usual, to the module itself.
      if (args.pluginData?.standIn) return undefined;
      const importer = path.relative(process.cwd(), args.importer).split(path.sep).join('/');
      const lazy = LAZY.find(({ module, importer: only }) => module === args.path && (only === undefined || importer.startsWith(only)));
      return lazy ? { path: args.path, namespace: 'lazy' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: standIn(args.path, LAZY.find(({ module }) => module === args.path).exports),
      resolveDir: process.cwd(),
      pluginData: { standIn: true },
    }));
  },
};

// Start from an empty folder so no stale bundle or code cache lingers.
rmSync('dist', { recursive: true, force: true });

/** What both bundles are: one minified CommonJS file for Node 20 with linked source maps. */
const common = {
  format: 'cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // --debug needs only the mappings to point a stack trace at src/file.ts:line; copying every
  // source file into the maps doubled the size of the package.
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  // Minified code parses faster at every start; --debug maps stack traces back through the source maps.
  minify: true,
};

/**
 * Values the bundle holds ready instead of working them out at every start: the pattern of the
 * words no-absolute-claims' phrases start with (20-45 ms of a one-file lint), from the function
 * the source tree calls instead (src/rules/util/claim-phrases.ts).
 */
async function readyMade() {
  const { outputFiles } = await build({ ...common, entryPoints: ['src/rules/util/claim-phrases.ts'], write: false, sourcemap: false, minify: false });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return { HEALTHMD_CLAIM_STARTS: JSON.stringify(module.exports.claimStarts()) };
}

// One CommonJS file, because only a classic script can start from V8's code cache on Node 20
// (bin/healthmd.js compiles it as a vm.Script). Commands still run only the modules they import:
// esbuild keeps each dynamically imported command's modules uninitialised until it is imported.
// Worker threads of a large lint or build start this same file, and its entry runs their role's
// module instead of the CLI (src/core/bundle-thread.ts): a bundle per thread role would ship
// another copy of the lint engine, its rules, marked and yaml. The build's file writer needs none
// of it, and has a bundle of its own (below).
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outfile: 'dist/cli.cjs',
  packages: 'bundle',
  external: ['playwright-core'],
  // liquidjs's ES module rather than its CommonJS file (its `main`): bundled as CommonJS, each
  // call of one of its functions went through a getter of esbuild's interop object (about 70 ms of
  // a cold build of 4,000 articles, most of it in the compiled templates).
  alias: { liquidjs: 'liquidjs/dist/liquid.node.mjs' },
  plugins: [lazyModules],
  // Paths next to the bundle (the bundle itself for threads, the package's templates) resolve as they did from ESM.
  define: { 'import.meta.url': '__healthmdUrl', ...(await readyMade()) },
  banner: { js: "var __healthmdUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The build's file writer: its few system calls, in a thread that loads nothing else.
await build({ ...common, entryPoints: { 'write-worker': 'src/site/write-worker.ts' }, outfile: 'dist/write-worker.cjs' });

// The code cache for this Node, made by the start a pre-commit hook makes: linting one article.
// Without the sample article (a trimmed checkout) the first run writes the user's cache instead.
const sample = 'articles/collaborative-care-back-pain.md';
if (existsSync(sample)) {
  const result = spawnSync(process.execPath, ['bin/healthmd.js', 'lint', '--quiet', sample], {
    env: { ...process.env, NODE_OPTIONS: '', HEALTHMD_CODE_CACHE_DIR: path.resolve('dist', 'code-cache') },
    stdio: 'ignore',
  });
  if (result.status !== 0 && result.status !== 1) console.warn(`bundle: making the code cache failed (exit ${result.status}); starts will compile the bundle`);
}
