// The plan of a folder as plan and apply make it: files found and read, the profile's connections listed once, the
// live catalog fetched for the files' types, each file checked by the server's own code, secrets compared through
// the fingerprints of .polytomic/, everything resolved added to the output's scrubber.
import { isPolytomicApiError } from '../../core/src/api/errors';
import { parseConnectionText } from '../../core/src/connectionFile';
import type { FingerprintStorage } from '../../core/src/secretFingerprints';
import { buildPlan, type Plan } from '../../core/src/workspace/plan';
import type { WorkspaceFile } from '../../core/src/workspace/files';
import { openApiSession, type ApiFlags, type ApiSession, type Environment } from './apiSession';
import { catalogFolders, openCatalog, type CatalogFlags, type CatalogSession } from './catalogSession';
import { CliError, describeError, EXIT_PROBLEMS } from './cliError';
import { findFiles } from './findFiles';
import { parseAllowEnv, parseSecretEnv, secretSources, type SecretSources } from './secretSources';
import type { ScrubbingOutput } from './scrubbingOutput';
import { openFingerprints, stateDir } from './stateFiles';

export const WORKSPACE_OPTIONS = {
  'secret-env': { type: 'string', multiple: true },
  'allow-env': { type: 'string', multiple: true },
  'state-dir': { type: 'string' },
} as const;

export interface WorkspaceFlags extends ApiFlags, CatalogFlags {
  'secret-env'?: string[];
  'allow-env'?: string[];
  'state-dir'?: string;
}

export interface WorkspacePlan {
  session: ApiSession;
  catalog: CatalogSession;
  secrets: SecretSources;
  fingerprints: FingerprintStorage;
  stateDir: string;
  files: WorkspaceFile[];
  plan: Plan;
}

/** An API failure during a command: exit 1, in words that say what failed. */
export function apiFailure(what: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  return new CliError(`${what} failed: ${describeError(error)}`, EXIT_PROBLEMS);
}

/**
 * `beforeRequests(stateDir)`: called once the flags and paths are checked, before the first request (apply takes the
 * state folder's lock there, so a usage error leaves no trace).
 */
export async function planWorkspace(
  flags: WorkspaceFlags,
  paths: string[],
  environment: Environment,
  out: ScrubbingOutput,
  beforeRequests?: (stateDir: string) => Promise<void>,
): Promise<WorkspacePlan> {
  // Every usage error before the first request.
  const folders = catalogFolders(flags, environment.cwd);
  const secretEnv = parseSecretEnv(flags['secret-env']);
  const secrets = secretSources(environment.env, secretEnv, parseAllowEnv(flags['allow-env'], secretEnv));
  const files = await findFiles(paths, environment.cwd);
  const dir = stateDir(environment.cwd, flags['state-dir']);
  const session = openApiSession(flags, environment, (text) => out.stderr(text));
  out.addSecrets([session.apiKey]);
  try {
    await beforeRequests?.(dir);
    const live = await session.client.listConnections().catch((error: unknown) => {
      throw apiFailure(`Listing the connections of profile "${session.profile.name}" (${session.profile.baseUrl})`, error);
    });
    const typeIds = files.map((f) => parseConnectionText(f.text).value?.type).filter((t): t is string => typeof t === 'string');
    const catalog = await openCatalog(folders, environment.env, { source: session.client, profile: session.profile, typeIds }).catch((error: unknown) => {
      throw new CliError(describeError(error), EXIT_PROBLEMS);
    });
    const fingerprints = await openFingerprints(dir, session.apiKey, (text) => out.stderr(text));
    const plan = await buildPlan(files, live, {
      profileName: session.profile.name,
      schemaFor: catalog.schemaFor,
      validate: catalog.errorsOf,
      sources: secrets.sources,
      fingerprints,
      getConnection: (id, signal) => session.client.getConnection(id, signal),
      onResolvedValues: (values) => out.addSecrets(values),
    }).catch((error: unknown) => {
      throw isPolytomicApiError(error) ? apiFailure('Reading a connection for the plan', error) : error;
    });
    return { session, catalog, secrets, fingerprints, stateDir: dir, files, plan };
  } catch (error) {
    await session.client.close();
    throw error;
  }
}
