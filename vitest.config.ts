import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['tests/support/compare-templates.ts', 'tests/support/remove-temp-folders.ts'],
    env: { NO_COLOR: '1', HEALTHMD_NOW: '' },
  },
});
