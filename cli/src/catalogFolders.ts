// --catalog DIR: a folder in the API's layout (index.json + <id>.json). The checker skips a folder it cannot use and
// logs it; on the command line that would quietly validate against less, so it is checked first and refused.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CliError, describeError } from './cliError';

export function checkCatalogFolder(given: string, cwd: string): string {
  const dir = path.resolve(cwd, given);
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (error) {
    throw new CliError(`--catalog ${given}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : describeError(error)}. Give a folder holding index.json and <type>.json schemas.`);
  }
  if (!isDir) throw new CliError(`--catalog ${given} is a file; give the folder that holds index.json and the <type>.json schemas.`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new CliError(`--catalog ${given}: cannot list the folder (${(error as NodeJS.ErrnoException).code ?? describeError(error)}).`);
  }
  if (names.includes('index.json')) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
    } catch (error) {
      throw new CliError(`--catalog ${given}: index.json cannot be read as JSON (${describeError(error)}). Fix or remove it.`);
    }
    const list = raw !== null && typeof raw === 'object' && Array.isArray((raw as { data?: unknown }).data) ? (raw as { data: unknown[] }).data : raw;
    if (!Array.isArray(list)) throw new CliError(`--catalog ${given}: index.json must be a list of connection types ({id, name, use_oauth}).`);
  } else if (!names.some((n) => n.endsWith('.json'))) {
    throw new CliError(`--catalog ${given} holds no index.json and no <type>.json schema; it is not a catalog folder.`);
  }
  return dir;
}
