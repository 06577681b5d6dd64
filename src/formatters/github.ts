import type { Formatter } from './types.js';

// Placeholder while the formatter is written.
export const formatGithub: Formatter = (results) => JSON.stringify(results);
