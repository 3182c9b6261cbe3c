// The files a command works on: each path given is a file (taken as named) or a folder searched for
// *.polytomic.json, skipping node_modules and .git. Symbolic links to folders are not followed (no loops).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CliError } from './cliError';

export const CONNECTION_FILE_SUFFIX = '.polytomic.json';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Absolute paths, sorted within each folder, each file once; a path that does not exist is a usage error. */
export async function findConnectionFilePaths(paths: string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      found.push(file);
    }
  };
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(code === 'ENOENT' ? `${given}: no such file or folder. Give connection files or folders that hold them.` : `${given}: cannot read it (${code}).`);
    }
    if (stat.isDirectory()) for (const file of await walk(absolute)) add(file);
    else add(absolute);
  }
  return found;
}

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new CliError(`Cannot list the folder ${dir} (${(error as NodeJS.ErrnoException).code}).`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) files.push(...(await walk(full)));
    } else if (entry.name.endsWith(CONNECTION_FILE_SUFFIX) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full))))) {
      files.push(full);
    }
  }
  return files;
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then((s) => s.isFile(), () => false);
}
