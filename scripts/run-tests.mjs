// Runs the compiled node:test suites (files named *.test.js under out/test, and the bench's own checks under
// out/bench/test), outside the editor.
// The in-editor suite (out/test/vscode) is run by its own harness, see test/vscode/.
// Usage: node scripts/run-tests.mjs [folder-under-out/test ...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).map((p) => join('out/test', p));
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (path !== join('out/test', 'vscode')) walk(path);
    } else if (name.endsWith('.test.js')) files.push(path);
  }
}
for (const root of roots.length ? roots : ['out/test', 'out/bench/test']) walk(root);
files.sort();
if (files.length === 0) {
  console.error('no test files found under', roots.join(', ') || 'out/test');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
