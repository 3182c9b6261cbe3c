// The API key: from --api-key-file, else POLYTOMIC_API_KEY. Trimmed, never printed: messages name where it was
// looked for, not what was found.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { API_KEY_ENV } from '../../core/src/profiles/profileSettings';
import { CliError } from './cliError';

export function readApiKey(keyFile: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  if (keyFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, keyFile), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new CliError(`Cannot read the API key file ${keyFile} (${code}). Check the path given to --api-key-file.`);
    }
    const key = text.trim();
    if (key === '') throw new CliError(`The API key file ${keyFile} is empty. Put the key in it, or set ${API_KEY_ENV}.`);
    return key;
  }
  const key = env[API_KEY_ENV]?.trim();
  if (!key) throw new CliError(`No API key: set ${API_KEY_ENV}, or pass --api-key-file FILE.`);
  return key;
}
