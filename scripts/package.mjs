// Builds the production bundles and packages the extension as a .vsix with @vscode/vsce.
// Before packaging it checks the file list that .vscodeignore lets through: everything the extension needs at run
// time is in, and nothing else (sources, maps, tests, node_modules) is.
// Usage: node scripts/package.mjs          -> polytomic-connections-<version>.vsix in the repository root
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);

// Dependencies are bundled into dist/ by esbuild, so node_modules stays out.
const LIST_FLAGS = ['--no-dependencies'];
// The repository URL is not public yet: README links stay relative (the screenshots ship in media/, so they resolve
// inside the installed extension too).
const PACKAGE_FLAGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/extension.js',
  'dist/api.js',
  'dist/server.js',
  'language-configuration.json',
  'schemas/connection.schema.json',
  'schemas/catalog/index.json',
  'syntaxes/polytomic.tmLanguage.json',
];
const ALLOWED = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|language-configuration\.json|dist\/(extension|api|server)\.js|schemas\/.+\.json|syntaxes\/.+\.json|media\/.+)$/;

function run(command, args) {
  console.log(`[package] $ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return result.stdout;
}

try {
  run(process.execPath, ['scripts/build.mjs', '--production']);

  const files = run(process.execPath, [vsce, 'ls', ...LIST_FLAGS])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const missing = REQUIRED.filter((file) => !files.includes(file));
  const unexpected = files.filter((file) => !ALLOWED.test(file));
  if (missing.length > 0) throw new Error(`the package would miss: ${missing.join(', ')} (check .vscodeignore and the build)`);
  if (unexpected.length > 0) throw new Error(`the package would carry files it does not need: ${unexpected.join(', ')} (add them to .vscodeignore)`);

  process.stdout.write(run(process.execPath, [vsce, 'package', ...PACKAGE_FLAGS, '--out', vsix]));
  console.log(`[package] ${files.length} files, ${(statSync(vsix).size / 1024).toFixed(0)} KiB: ${vsix}`);
} catch (error) {
  console.error(`[package] FAILED: ${error.message}`);
  process.exit(1);
}
