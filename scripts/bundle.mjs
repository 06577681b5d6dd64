// Bundles the CLI into dist/ so a cold start loads one file per command
// instead of resolving hundreds of modules (see PERFORMANCE-NOTES: import cost dominates).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['playwright-core', 'chokidar', 'ws'],
  banner: { js: "import { createRequire as __healthmdRequire } from 'node:module'; const require = __healthmdRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
