#!/usr/bin/env node
// The bundle is minified: with --debug, stack traces point into src/ through its source maps.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

const { run } = await import('../dist/cli.js');
process.exitCode = await run(process.argv.slice(2));
