// Bundles the CLI into dist/ so a cold start reads one file instead of resolving hundreds of
// modules (at a one-file lint, import cost is most of the time), and makes V8's code cache for it.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Packages whose loading does work that a command seldom needs, bundled behind a function that
 * loads the package on its first call. transliterate compiles a pattern for each of its locales as
 * it loads (about 15 ms of every start, measured in a one-file lint), though healthmd calls it only
 * for a slug or tag that is not plain ASCII (src/core/slug.ts).
 */
const LAZY_DEFAULT_EXPORTS = ['@sindresorhus/transliterate'];

/** Resolves each lazy package to a stand-in whose `require` esbuild bundles as a module initialised on first use. */
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_DEFAULT_EXPORTS.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    // The stand-in's own require is resolved as usual (pluginData marks it), to the package itself.
    build.onResolve({ filter }, (args) => (args.pluginData?.standIn ? undefined : { path: args.path, namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: `let loaded;\nexport default function lazy(...args) {\n  loaded ??= require(${JSON.stringify(args.path)}).default;\n  return loaded(...args);\n}\n`,
      resolveDir: process.cwd(),
      pluginData: { standIn: true },
    }));
  },
};

// Start from an empty folder so no stale bundle or code cache lingers.
rmSync('dist', { recursive: true, force: true });

// One CommonJS file, because only a classic script can start from V8's code cache on Node 20
// (bin/healthmd.js compiles it as a vm.Script). Commands still run only the modules they import:
// esbuild keeps each dynamically imported command's modules uninitialised until it is imported.
// Worker threads (a large lint, the build's file writer) start this same file, and its entry runs
// their role's module instead of the CLI (src/core/bundle-thread.ts): a bundle per thread role
// would ship another copy of the lint engine, its rules, marked and yaml.
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['playwright-core'],
  plugins: [lazyPackages],
  sourcemap: 'linked',
  // --debug needs only the mappings to point a stack trace at src/file.ts:line; copying every
  // source file into the maps doubled the size of the package.
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  // Minified code parses faster at every start; --debug maps stack traces back through the source maps.
  minify: true,
  // Paths next to the bundle (the bundle itself for threads, the package's templates) resolve as they did from ESM.
  define: { 'import.meta.url': '__healthmdUrl' },
  banner: { js: "var __healthmdUrl = require('node:url').pathToFileURL(__filename).href;" },
});

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
