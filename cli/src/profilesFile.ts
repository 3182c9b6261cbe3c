// The repository's profiles file (default ./polytomic.profiles.json): {"profiles": [{name, baseUrl, keyKind, ...}]},
// the format of the extension's polytomic.profiles setting, read with the same parseProfiles. It is a file anyone with
// commit access writes, so it may not hold a key: a field that looks like one is refused, not ignored.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ApiProfile } from '../../core/src/api/profile';
import { isSensitiveKeyName } from '../../core/src/api/redaction';
import { parseProfiles } from '../../core/src/profiles/profileSettings';
import { CliError, describeError } from './cliError';

export const DEFAULT_PROFILES_FILE = 'polytomic.profiles.json';
const PROFILE_FIELDS = new Set(['name', 'baseUrl', 'keyKind', 'organizationId', 'apiVersion']);
/** A profiles file is a few hundred bytes; a bigger one is not someone's profile list. */
const MAX_PROFILES_FILE_BYTES = 1024 * 1024;

export interface ProfilesFile {
  /** As shown in messages (the path given, or the default name). */
  path: string;
  profiles: ApiProfile[];
}

/** The profiles file named by --profiles-file, else ./polytomic.profiles.json when present, else undefined. */
export function loadProfilesFile(explicit: string | undefined, cwd: string): ProfilesFile | undefined {
  const shown = explicit ?? DEFAULT_PROFILES_FILE;
  const file = path.resolve(cwd, shown);
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    if (explicit === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`Cannot read the profiles file ${shown}: ${describeError(error)}. Check the path given to --profiles-file.`);
  }
  if (size > MAX_PROFILES_FILE_BYTES) throw new CliError(`The profiles file ${shown} is over 1 MB; it should hold only a short list of profiles.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`The profiles file ${shown} is not valid JSON (${describeError(error)}). Fix it, or point --profiles-file at another file.`);
  }
  const list = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { profiles?: unknown }).profiles : undefined;
  if (!Array.isArray(list)) throw new CliError(`The profiles file ${shown} must hold {"profiles": [ ... ]}, a list of profiles.`);
  list.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object') return; // parseProfiles names it
    for (const field of Object.keys(entry as object)) {
      if (PROFILE_FIELDS.has(field)) continue;
      if (isSensitiveKeyName(field)) {
        throw new CliError(
          `The profiles file ${shown} has a "${field}" field in profiles[${index}]: no key belongs in a file of the repository. Remove it and give the key with POLYTOMIC_API_KEY or --api-key-file.`,
        );
      }
      throw new CliError(`The profiles file ${shown} has an unknown field "${field}" in profiles[${index}]; a profile has ${[...PROFILE_FIELDS].join(', ')}.`);
    }
  });
  const parsed = parseProfiles(list);
  if (parsed.problems.length > 0) throw new CliError(`The profiles file ${shown}: ${parsed.problems.join(' ')}`);
  return { path: shown, profiles: parsed.profiles };
}
