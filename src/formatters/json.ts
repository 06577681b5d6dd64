import type { Formatter } from './types.js';

// Placeholder while the formatter is written.
export const formatJson: Formatter = (results) => JSON.stringify(results);
