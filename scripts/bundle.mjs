// Bundles the CLI into dist/ so a cold start loads one file per command
// instead of resolving hundreds of modules: at a one-file lint, import cost is most of the time.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start from an empty folder so no stale chunk lingers.
rmSync('dist', { recursive: true, force: true });

await build({
  // Worker threads' scripts: lint-worker for a large lint (src/lint/lint-in-workers.ts), write-worker
  // for the build's file writer (src/site/write-site.ts). Each is found beside the chunks by name.
  entryPoints: { cli: 'src/cli/main.ts', 'lint-worker': 'src/lint/lint-worker.ts', 'write-worker': 'src/site/write-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['playwright-core'],
  banner: { js: "import { createRequire as __healthmdRequire } from 'node:module'; const require = __healthmdRequire(import.meta.url);" },
  sourcemap: 'linked',
  // --debug needs only the mappings to point a stack trace at src/file.ts:line; copying every
  // source file into the maps doubled the size of the package.
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  // Minified code parses faster at every start; --debug maps stack traces back through the source maps.
  minify: true,
});
