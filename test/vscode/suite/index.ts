// The in-editor test module (the standard VS Code contract: `run()` resolves = pass, rejects = fail).
// The same module runs under code-server here (test/vscode/harness/run-suite.ts) and under desktop VS Code
// through @vscode/test-electron (test/vscode/run-electron.ts). It loads every *.e2e.js file next to it.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

// mocha 12's package entry is ESM; its CommonJS build loads in every extension host, whatever its Node version
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha/lib/mocha.cjs');

export function run(): Promise<void> {
  // POLYTOMIC_E2E_GREP: only the tests whose titles match (while working on one suite; a full run sets none).
  const grep = process.env.POLYTOMIC_E2E_GREP || undefined;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec', grep });
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.e2e.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    if (files.length === 0) return reject(new Error(`no *.e2e.js test files in ${__dirname}`));
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} in-editor test(s) failed`)) : resolve()));
  });
}
