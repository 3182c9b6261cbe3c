// What the emulator is started with, and where the project's bundled catalog lives.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FaultSpec } from './faults';

/** The organisation every key belongs to unless --org-id says otherwise. */
export const DEFAULT_ORG_ID = '0a8f3c6e-5d2b-4e7a-9c1f-2b3d4e5f6a7b';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. The emulator listens on 127.0.0.1 only. */
  port?: number;
  /** A catalog folder in the API's layout; default: the project's bundled schemas/catalog. */
  catalogDir?: string;
  /** Keys accepted as Bearer or as the password of Basic "<orgId>:<key>". At least one. */
  apiKeys: string[];
  orgId?: string;
  /** State file: loaded at start when present, rewritten after every change. */
  dataFile?: string;
  /** "demo" or "many:N"; applied only when the state (after loading dataFile) is empty. */
  seed?: string;
  faults?: FaultSpec;
  /** Receives one line per request (method, path, status), never headers or bodies. */
  log?: (line: string) => void;
}

/** The repo root: the nearest folder above `from` whose package.json is this project's. */
export function findRepoRoot(from: string = __dirname): string | undefined {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'polytomic-connections') return dir;
      } catch {
        // an unreadable manifest is not ours; keep looking upwards
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function bundledCatalogDir(): string | undefined {
  const root = findRepoRoot();
  return root ? join(root, 'schemas', 'catalog') : undefined;
}
