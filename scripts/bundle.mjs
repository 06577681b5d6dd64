// Bundles the CLI into dist/ so a cold start loads one file per command
// instead of resolving hundreds of modules (see PERFORMANCE-NOTES: import cost dominates).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start from an empty folder so no stale chunk lingers.
rmSync('dist', { recursive: true, force: true });

await build({
  // lint-worker runs in worker threads of a large lint (src/lint/lint-in-workers.ts).
  entryPoints: { cli: 'src/cli/main.ts', 'lint-worker': 'src/lint/lint-worker.ts' },
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
  logLevel: 'warning',
  legalComments: 'none',
  // Minified code parses faster at every start; --debug maps stack traces back through the source maps.
  minify: true,
});
