// Where the repository and its built pieces are, seen from the compiled harness (out/test/vscode/harness/).
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const fixtureWorkspace = path.join(repoRoot, 'test', 'vscode', 'workspace');
export const suiteModule = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
export const emulatorBundle = path.join(repoRoot, 'dist', 'emulator.js');
/** Test data shared between projects: never copied into the repository. */
export const connectionTypesCatalog = path.resolve(repoRoot, '..', 'shared', 'data', 'connection-types');
