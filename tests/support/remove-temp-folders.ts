// Every test file removes the temporary folders it made (tests/support/temp-folders.ts) when its
// tests are done; a full run had left about 280 folders in the temp dir.
import { afterAll } from 'vitest';
import { removeTempFolders } from './temp-folders.js';

afterAll(removeTempFolders);
