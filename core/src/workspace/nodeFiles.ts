// Connection files on a plain file system, for drivers outside the editor (the command-line tool, the benchmarks):
// finding them, reading them again, writing a created id back, and writing new files without ever overwriting one.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { applyEdits, setIdEdits } from '../connectionFile';
import type { WorkspaceFile } from './files';
import { forEachLimited } from './pool';

export const CONNECTION_FILE_SUFFIX = '.polytomic.json';
/** Folders never searched: dependencies, version control, and this tool's own state. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.polytomic']);

/** Files read at once: a folder of thousands must not run out of file descriptors (macOS allows 256 by default). */
const READ_CONCURRENCY = 32;

/** Every `*.polytomic.json` under the given files and folders, sorted by path; labels relative to `cwd`. */
export async function findConnectionFiles(paths: readonly string[], cwd: string): Promise<WorkspaceFile[]> {
  const names = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && entry.name.endsWith(CONNECTION_FILE_SUFFIX)) {
        names.add(full);
      }
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fs.stat(absolute);
    if (stat.isDirectory()) await walk(absolute);
    else names.add(absolute);
  }
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  const files: WorkspaceFile[] = new Array(sorted.length);
  await forEachLimited(sorted, READ_CONCURRENCY, async (absolute, i) => {
    files[i] = { path: absolute, label: path.relative(cwd, absolute) || path.basename(absolute), text: await fs.readFile(absolute, 'utf8') };
  });
  return files;
}

export async function readTextIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Write then rename, so a reader (or a crash) never sees half a file. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(tmp, text, 'utf8');
  await fs.rename(tmp, file);
}

/** Inserts the id into the file as it is on disk now, with a minimal edit (comments and formatting kept). */
export async function writeIdToFile(file: WorkspaceFile, id: string): Promise<void> {
  const text = await fs.readFile(file.path, 'utf8');
  await writeFileAtomic(file.path, applyEdits(text, setIdEdits(text, id)));
}

/** A writer of new files below `root`: folders are made as needed, an existing file is never replaced. */
export function newFileWriter(root: string): (relativePath: string, text: string) => Promise<'written' | 'exists'> {
  const base = path.resolve(root);
  return async (relativePath, text) => {
    const target = path.resolve(base, relativePath);
    if (!inside(base, target)) throw new Error(`${relativePath} is outside ${root}`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // A folder on the way may be a link (committed to the repository) to somewhere else: where it really leads counts.
    if (!inside(await fs.realpath(base), await fs.realpath(path.dirname(target)))) throw new Error(`${relativePath} leads outside ${root} through a link`);
    try {
      await fs.writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
      return 'written';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw error;
    }
  };
}

function inside(base: string, target: string): boolean {
  return target === base || target.startsWith(base + path.sep);
}
