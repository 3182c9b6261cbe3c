// Where the repository and its built pieces are, seen from the compiled harness (out/test/vscode/harness/).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const fixtureWorkspace = path.join(repoRoot, 'test', 'vscode', 'workspace');
export const suiteModule = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
export const emulatorBundle = path.join(repoRoot, 'dist', 'emulator.js');
/** Test data shared between projects: never copied into the repository. */
export const connectionTypesCatalog = path.resolve(repoRoot, '..', 'shared', 'data', 'connection-types');

/** The .vsix that `npm run package` writes. */
export function packagedVsix(): string {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}
