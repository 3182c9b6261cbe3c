// Issue 10, point 1: what the manifest promises about untrusted and virtual workspaces. Restricted Mode is "limited":
// editing works, nothing is sent, and the two settings a repository could use to redirect a key are restricted.
// virtualWorkspaces is true because the extension reads and writes workspace files only through vscode.workspace.fs
// (checked here: the one client file that uses node:fs reads the extension's own catalog cache).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('the manifest declares Restricted Mode as limited, with the profile settings restricted', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, 'limited');
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), ['polytomic.defaultProfile', 'polytomic.profiles']);
  assert.match(untrusted.description, /nothing is sent to Polytomic/);
  for (const setting of untrusted.restrictedConfigurations) {
    assert.ok(manifest.contributes.configuration.properties[setting], `${setting} is a contributed setting`);
  }
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
});

test('workspace files are read and written through vscode.workspace.fs only (what virtualWorkspaces: true needs)', () => {
  const clientFiles = files(join(repoRoot, 'client', 'src'));
  assert.ok(clientFiles.length > 20);
  const usingNodeFs = clientFiles.filter((f) => /from 'node:fs'|from 'fs'|require\('(node:)?fs'\)/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(usingNodeFs.map((f) => relative(repoRoot, f)), ['client/src/catalog/liveCatalog.ts']);
  const catalog = readFileSync(join(repoRoot, 'client', 'src', 'catalog', 'liveCatalog.ts'), 'utf8');
  // Its node:fs calls touch the catalog cache (global storage) and the bundled catalog, never a document's URI.
  assert.ok(!/fs\.\w+\([^)]*\.uri/.test(catalog));
});
