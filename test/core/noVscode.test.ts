// The engine (core/) is driven by the extension and by the command-line tool alike: it must never need VS Code,
// nor reach back into the extension's own folder.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const coreRoot = path.resolve(__dirname, '..', '..', '..', 'core', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

const specifier = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g;

test('core/ holds the engine sources', () => {
  assert.ok(sources(coreRoot).length >= 10, `expected the engine's sources under ${coreRoot}`);
});

test('no file under core/ imports vscode, or anything from client/, cli/ or server internals by path', () => {
  const offences: string[] = [];
  for (const file of sources(coreRoot)) {
    for (const match of readFileSync(file, 'utf8').matchAll(specifier)) {
      const spec = match[1];
      if (spec === 'vscode' || spec.startsWith('vscode/')) offences.push(`${path.relative(coreRoot, file)} imports ${spec}`);
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const outside = path.relative(path.resolve(coreRoot, '..', '..'), target).split(path.sep)[0];
        if (['client', 'cli'].includes(outside)) offences.push(`${path.relative(coreRoot, file)} imports ${spec} (${outside}/)`);
      }
    }
  }
  assert.deepEqual(offences, []);
});
