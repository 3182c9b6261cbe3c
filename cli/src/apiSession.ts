// Everything a command needs to talk to the API: the profile (profiles file, flags, environment, the trust rule),
// the key, and a client that logs to stderr with --verbose and whose errors say the command line's remedies.
import { PolytomicClient } from '../../core/src/api/client';
import type { ApiProfile } from '../../core/src/api/profile';
import { readApiKey } from './apiKey';
import { cliWordedClient } from './cliWording';
import { loadProfilesFile } from './profilesFile';
import { profileForSending } from './profileResolution';
import { stderrRequestLogger } from './verboseLog';
import { CLI_VERSION } from './version';

export interface ApiFlags {
  profile?: string;
  'profiles-file'?: string;
  'api-key-file'?: string;
  'base-url'?: string;
  'api-version'?: string;
  verbose?: boolean;
}

export interface ApiSession {
  profile: ApiProfile;
  client: PolytomicClient;
  /** For the keyed digests of the state files only; never printed (the output scrubs it). */
  apiKey: string;
}

export interface Environment {
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Resolves the profile and key (usage errors throw CliError, before any request) and opens a client. */
export function openApiSession(flags: ApiFlags, environment: Environment, logTo?: (text: string) => void): ApiSession {
  const profilesFile = loadProfilesFile(flags['profiles-file'], environment.cwd);
  const { profile } = profileForSending({
    profileName: flags.profile,
    profilesFile,
    baseUrlFlag: flags['base-url'],
    apiVersionFlag: flags['api-version'],
    env: environment.env,
  });
  const apiKey = readApiKey(flags['api-key-file'], environment.env, environment.cwd);
  const client = cliWordedClient(
    new PolytomicClient({
      profile,
      apiKey,
      env: environment.env,
      log: flags.verbose ? stderrRequestLogger(logTo) : undefined,
      userAgent: `polytomic-connections-cli/${CLI_VERSION}`,
    }),
  );
  return { profile, client, apiKey };
}
