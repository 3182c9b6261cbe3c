// Which profile a command uses, and the trust rule for where the API key may go.
//
// The profiles file lives in the repository, and whoever can commit to it is not necessarily whoever runs the tool
// (a CI job runs on a pull request's files). So the key is sent only to a base URL the invoker named: --base-url,
// POLYTOMIC_BASE_URL, or the public default https://app.polytomic.com. A non-default base URL that only the profiles
// file names is refused until the invoker repeats it with --base-url or POLYTOMIC_BASE_URL.
import { API_VERSIONS, DEFAULT_API_VERSION, DEFAULT_BASE_URL, isApiVersion, validateBaseUrl, type ApiProfile } from '../../core/src/api/profile';
import { sameBaseUrl } from '../../core/src/profiles/keyDestination';
import { CliError } from './cliError';
import type { ProfilesFile } from './profilesFile';

export const BASE_URL_ENV = 'POLYTOMIC_BASE_URL';
export const API_VERSION_ENV = 'POLYTOMIC_API_VERSION';
export const DEFAULT_PROFILE_NAME = 'default';

export type BaseUrlSource = '--base-url' | typeof BASE_URL_ENV | 'profiles-file' | 'default';

export interface ProfileInputs {
  /** --profile */
  profileName?: string;
  profilesFile?: ProfilesFile;
  /** --base-url */
  baseUrlFlag?: string;
  /** --api-version */
  apiVersionFlag?: string;
  env: Record<string, string | undefined>;
}

export interface ResolvedProfile {
  profile: ApiProfile;
  /** Who named the base URL: the trust rule looks at this. */
  baseUrlFrom: BaseUrlSource;
  profilesFile?: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

/** The profile from --profile (or the file's first one), with the flags and environment laid over it. */
export function resolveProfile(inputs: ProfileInputs): ResolvedProfile {
  const file = inputs.profilesFile;
  let base: ApiProfile | undefined;
  if (inputs.profileName !== undefined) {
    if (!file) {
      throw new CliError(`--profile ${inputs.profileName}: there is no profiles file (./polytomic.profiles.json); pass --profiles-file FILE, or drop --profile and use --base-url.`);
    }
    base = file.profiles.find((p) => p.name === inputs.profileName);
    if (!base) {
      const names = file.profiles.map((p) => p.name).join(', ') || 'none';
      throw new CliError(`The profiles file ${file.path} has no profile "${inputs.profileName}" (it has: ${names}).`);
    }
  } else {
    base = file?.profiles[0];
  }
  const profile: ApiProfile = base
    ? { ...base }
    : { name: DEFAULT_PROFILE_NAME, baseUrl: DEFAULT_BASE_URL, keyKind: 'user', apiVersion: DEFAULT_API_VERSION };

  let baseUrlFrom: BaseUrlSource = base ? 'profiles-file' : 'default';
  const flagUrl = nonEmpty(inputs.baseUrlFlag);
  const envUrl = nonEmpty(inputs.env[BASE_URL_ENV]);
  if (flagUrl !== undefined) {
    profile.baseUrl = flagUrl;
    baseUrlFrom = '--base-url';
  } else if (envUrl !== undefined) {
    profile.baseUrl = envUrl;
    baseUrlFrom = BASE_URL_ENV;
  }
  const urlProblem = validateBaseUrl(profile.baseUrl);
  if (urlProblem) throw new CliError(`${baseUrlFrom === 'profiles-file' ? `Profile "${profile.name}" in ${file?.path}` : baseUrlFrom}: ${urlProblem}`);

  const version = nonEmpty(inputs.apiVersionFlag) ?? nonEmpty(inputs.env[API_VERSION_ENV]);
  if (version !== undefined) {
    if (!isApiVersion(version)) {
      const from = nonEmpty(inputs.apiVersionFlag) !== undefined ? '--api-version' : API_VERSION_ENV;
      throw new CliError(`${from}: "${version}" is not a supported API version; use one of ${API_VERSIONS.join(', ')}.`);
    }
    profile.apiVersion = version;
  }
  return { profile, baseUrlFrom, profilesFile: file?.path };
}

/**
 * The trust rule: why the key may not be sent to the resolved base URL, or undefined when it may. Only a URL the
 * invoker named (flag, environment) or the public default may receive it.
 */
export function keyDestinationProblem(resolved: ResolvedProfile): string | undefined {
  if (resolved.baseUrlFrom !== 'profiles-file') return undefined;
  const url = resolved.profile.baseUrl;
  if (sameBaseUrl(url, DEFAULT_BASE_URL)) return undefined;
  return (
    `Profile "${resolved.profile.name}" in ${resolved.profilesFile} points at ${url}, and a repository file alone may not choose where your API key goes. ` +
    `If that address is yours, confirm it: pass --base-url ${url} (or set ${BASE_URL_ENV}).`
  );
}

/** resolveProfile, then the trust rule: a refused destination is a usage error (exit 2), before any request. */
export function profileForSending(inputs: ProfileInputs): ResolvedProfile {
  const resolved = resolveProfile(inputs);
  const problem = keyDestinationProblem(resolved);
  if (problem) throw new CliError(problem);
  return resolved;
}
