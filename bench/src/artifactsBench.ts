// Builds the production bundles (through `npm run package` when the project has it, which also writes the .vsix),
// copies them to a private snapshot every later measure uses, and measures the shipped sizes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLES, DIST, REPO_ROOT, SNAPSHOT_DIST, SNAPSHOT_ROOT } from './paths';

export interface ArtifactsResult {
  /** The production bundles, in bytes. */
  bundles: Record<string, number>;
  /** The bundles the .vsix ships (extension.js, api.js, server.js). */
  shippedBundlesBytes: number;
  vsixBytes?: number;
  vsixNote: string;
}

export interface BuildOutcome {
  packaged: boolean;
  note: string;
}

function manifest(): { name: string; version: string; scripts?: Record<string, string> } {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; scripts?: Record<string, string> };
}

export function buildForBench(log: (line: string) => void): BuildOutcome {
  const { scripts } = manifest();
  let outcome: BuildOutcome;
  if (scripts?.package) {
    log('npm run package (production bundles and the .vsix)');
    const result = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
    outcome = result.status === 0
      ? { packaged: true, note: 'written by `npm run package`' }
      : { packaged: false, note: `\`npm run package\` failed in this run (exit ${result.status}): ${packagingError(`${result.stdout}\n${result.stderr}`)}` };
  } else {
    outcome = { packaged: false, note: 'the project has no `npm run package` script yet' };
  }
  snapshotProductionBundles(outcome.packaged, log);
  return outcome;
}

/** The line that says why packaging failed (vsce prints it as ERROR), else the last line of the output. */
function packagingError(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /\bERROR\b/.test(line)) ?? lines[lines.length - 1] ?? 'no output';
}

/** Copies dist/'s bundles, rebuilding them in production mode first when they are not (or someone rebuilt them since). */
export function snapshotProductionBundles(justBuilt: boolean, log: (line: string) => void): void {
  rmSync(SNAPSHOT_ROOT, { recursive: true, force: true });
  mkdirSync(SNAPSHOT_DIST, { recursive: true });
  symlinkSync(join(REPO_ROOT, 'schemas'), join(SNAPSHOT_ROOT, 'schemas'));
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0 || !justBuilt) {
      log('building the production bundles');
      const result = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: REPO_ROOT, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`the production build failed: ${result.stderr}`);
    }
    for (const bundle of BUNDLES) copyFileSync(join(DIST, bundle), join(SNAPSHOT_DIST, bundle));
    if (BUNDLES.every((bundle) => isProductionBuild(join(SNAPSHOT_DIST, bundle)))) return;
    log('dist/ was rebuilt in development mode meanwhile; building again');
  }
  throw new Error('could not take a snapshot of production bundles: dist/ keeps being rebuilt in development mode');
}

/** The development build links a source map at its end; the production build has none. */
function isProductionBuild(file: string): boolean {
  return !readFileSync(file, 'utf8').slice(-300).includes('sourceMappingURL=');
}

export function measureArtifacts(build: BuildOutcome): ArtifactsResult {
  const bundles = Object.fromEntries(BUNDLES.map((f) => [f, statSync(join(SNAPSHOT_DIST, f)).size]));
  const shippedBundlesBytes = bundles['extension.js'] + bundles['api.js'] + bundles['server.js'];
  const { name, version } = manifest();
  const vsix = join(REPO_ROOT, `${name}-${version}.vsix`);
  if (build.packaged && existsSync(vsix)) return { bundles, shippedBundlesBytes, vsixBytes: statSync(vsix).size, vsixNote: build.note };
  return { bundles, shippedBundlesBytes, vsixNote: build.note };
}
