// The packaged .vsix holds the runtime files only, and none of the keys or secrets the tests use. It is packaged
// here from the current build (vsce, into a temporary folder) and unpacked with unzip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './support/paths';
import { findSecrets } from './support/secretSearch';
import { testSecrets } from './support/testSecrets';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the .vsix carries no test key or secret, and no sources, maps or tests', () => {
  const work = mkdtempSync(join(tmpdir(), 'polytomic-vsix-'));
  try {
    checkPackage(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

function checkPackage(work: string): void {
  const vsix = join(work, 'extension.vsix');
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(packed.status, 0, `vsce package failed: ${packed.stderr}`);
  const unpacked = join(work, 'unpacked');
  const unzip = spawnSync('unzip', ['-q', vsix, '-d', unpacked], { encoding: 'utf8' });
  assert.equal(unzip.status, 0, `unzip failed: ${unzip.stderr}`);

  const files = filesUnder(unpacked).map((path) => ({ path: relative(unpacked, path), text: readFileSync(path, 'latin1') }));
  assert.ok(files.some((f) => f.path === 'extension/dist/extension.js'), 'the extension bundle is packaged');
  assert.deepEqual(files.filter((f) => /\.(ts|map)$|(^|\/)(test|out|node_modules)\/|\.env$/.test(f.path)).map((f) => f.path), []);

  const secrets = testSecrets(join(REPO_ROOT, 'test'));
  assert.ok(secrets.length >= 5, `the tests' keys were found (${secrets.length})`);
  assert.deepEqual(findSecrets(secrets, files.map((f) => ({ where: f.path, text: f.text }))), []);
  // Private keys and AWS access key ids; AKIAIOSFODNN7EXAMPLE is AWS's documented example, used in schema examples.
  const keyMaterial = /-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA(?!IOSFODNN7EXAMPLE)[0-9A-Z]{16}/;
  assert.deepEqual(files.filter((f) => keyMaterial.test(f.text)).map((f) => f.path), []);
}
