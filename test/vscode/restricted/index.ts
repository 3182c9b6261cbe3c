// The Restricted Mode suite's test module (run by harness/run-restricted.ts in an untrusted workspace): loads every
// *.restricted.js file next to it.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha/lib/mocha.cjs');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.restricted.js'));
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    if (files.length === 0) return reject(new Error(`no *.restricted.js test files in ${__dirname}`));
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} Restricted Mode test(s) failed`)) : resolve()));
  });
}
