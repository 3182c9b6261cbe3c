// The extension's size: dist/ (what the .vsix ships: extension.js and server.js, production builds) and the .vsix
// that `npm run package` writes, when the project has that script.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, REPO_ROOT } from './paths';

export interface ArtifactsResult {
  /** Every file in dist/ (bundles and, in a development build, their maps), in bytes. */
  distFiles: Record<string, number>;
  /** The two bundles the .vsix ships. */
  shippedBundlesBytes: number;
  vsixBytes?: number;
  vsixNote: string;
}

function manifest(): { name: string; version: string; scripts?: Record<string, string> } {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; scripts?: Record<string, string> };
}

/** Builds the production bundles: through `npm run package` (which also writes the .vsix) when it exists. */
export function buildForBench(log: (line: string) => void): { packaged: boolean; note: string } {
  const { scripts } = manifest();
  if (scripts?.package) {
    log('npm run package (production bundles and the .vsix)');
    const result = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (result.status === 0) return { packaged: true, note: 'written by `npm run package`' };
    log(`npm run package failed (${result.status}); building the production bundles only:\n${result.stdout}\n${result.stderr}`);
    buildProduction();
    return { packaged: false, note: `\`npm run package\` failed in this run (exit ${result.status}); no .vsix measured` };
  }
  buildProduction();
  return { packaged: false, note: 'the project has no `npm run package` script yet; no .vsix measured' };
}

function buildProduction(): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the production build failed: ${result.stderr}`);
}

export function measureArtifacts(packaged: { packaged: boolean; note: string }): ArtifactsResult {
  const distFiles = Object.fromEntries(readdirSync(DIST).map((f) => [f, statSync(join(DIST, f)).size]));
  const shippedBundlesBytes = (distFiles['extension.js'] ?? 0) + (distFiles['server.js'] ?? 0);
  const { name, version } = manifest();
  const vsix = join(REPO_ROOT, `${name}-${version}.vsix`);
  if (packaged.packaged && existsSync(vsix)) return { distFiles, shippedBundlesBytes, vsixBytes: statSync(vsix).size, vsixNote: packaged.note };
  return { distFiles, shippedBundlesBytes, vsixNote: packaged.note };
}
