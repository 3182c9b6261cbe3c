// `npx polytomic-connections` from a clone after `npm ci`: the `prepare` script builds dist/cli.js and links it into
// node_modules/.bin, which is where npx looks (npm never links a project's own bin there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { CLI_PATH, PLAYGROUND, REPO_ROOT } from './support';

test('npx polytomic-connections runs dist/cli.js, from the clone and from a folder inside it', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string>; version: string };
  assert.equal(manifest.bin['polytomic-connections'], 'dist/cli.js');
  assert.match(manifest.scripts.prepare, /scripts\/link-cli\.mjs/);
  assert.equal(realpathSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'polytomic-connections')), realpathSync(CLI_PATH));
  for (const cwd of [REPO_ROOT, PLAYGROUND]) {
    const run = spawnSync('npx', ['--no-install', 'polytomic-connections', '--version'], { cwd, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), manifest.version);
  }
});
