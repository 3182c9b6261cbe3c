// Where the things under test live, resolved from the compiled file (out/test/reliability/...).
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
/** The 232 real schemas: test data read from ../shared, never copied into the project. */
export const SHARED_CATALOG = resolve(REPO_ROOT, '..', 'shared', 'data', 'connection-types');
export const SERVER_BUNDLE = resolve(REPO_ROOT, 'dist', 'server.js');
