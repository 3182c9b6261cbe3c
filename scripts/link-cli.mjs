// `npx polytomic-connections` from a clone: npm links the bins of dependencies into node_modules/.bin, never the
// project's own, so after the build (`prepare`, which `npm ci` runs) this links dist/cli.js there itself.
import { chmodSync, existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const link = join(root, 'node_modules', '.bin', 'polytomic-connections');

if (!existsSync(cli)) {
  console.error(`[link-cli] ${relative(root, cli)} is missing: run npm run build first`);
  process.exit(1);
}
chmodSync(cli, 0o755);
mkdirSync(dirname(link), { recursive: true });
try {
  if (lstatSync(link, { throwIfNoEntry: false })) rmSync(link);
  symlinkSync(relative(dirname(link), cli), link);
} catch (error) {
  // Windows without the right to make links: `node dist/cli.js` works the same.
  console.warn(`[link-cli] could not link ${relative(root, link)} (${error.code ?? error.message}): run node dist/cli.js instead`);
}
