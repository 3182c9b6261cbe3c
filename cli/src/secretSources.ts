// Where placeholder values come from on the command line: ${env:NAME} from the environment; ${secret:NAME} from the
// environment variable that --secret-env NAME=ENVVAR names, else POLYTOMIC_SECRET_<NAME>. Values are read only when a
// file is compared or sent, and never printed.
//
// A file is the repository's, and whoever commits it is not necessarily whoever runs the tool (a CI job): ${env:}
// never reads the variables the tool or the CI runner owns (POLYTOMIC_*: the key, the base URL, the secrets;
// GITHUB_*, RUNNER_*, ACTIONS_*: the runner's tokens), nor a variable --secret-env names (that one is read only as
// its ${secret:}). With --allow-env NAME, only the names given are read.
import type { PlaceholderSources, PlaceholderUse } from '../../core/src/placeholders';
import { CliError } from './cliError';

export const SECRET_ENV_PREFIX = 'POLYTOMIC_SECRET_';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Prefixes of the variables no ${env:} reads, and whose they are. */
const RESERVED: readonly [prefix: string, owner: string][] = [
  ['POLYTOMIC_', "the tool's own"],
  ['GITHUB_', "the CI runner's"],
  ['RUNNER_', "the CI runner's"],
  ['ACTIONS_', "the CI runner's"],
];

export interface SecretSources {
  sources: PlaceholderSources;
  /** The variable that holds ${secret:NAME}, for messages. */
  variableFor(name: string): string;
  /** Why ${env:NAME} is not read; undefined when it is. */
  envRefusal(name: string): string | undefined;
  /** "Missing ..." naming, for each placeholder, how to set it, or why it is never read. */
  describeMissing(missing: PlaceholderUse[]): string;
}

/** `--secret-env` values, each NAME=ENVVAR. */
export function parseSecretEnv(values: readonly string[] = []): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(value);
    if (!match || !ENV_NAME.test(match[2])) {
      throw new CliError(`--secret-env takes NAME=ENVVAR, e.g. --secret-env PG_PASSWORD=PROD_PG_PASSWORD (got "${value}").`);
    }
    map.set(match[1], match[2]);
  }
  return map;
}

/** Why the variable is never read into a file, whatever the flags say; undefined when it may be. */
function reservedReason(name: string, mapping: Map<string, string>): string | undefined {
  // Names are compared upper-cased: on Windows the environment does not tell POLYTOMIC_API_KEY from polytomic_api_key.
  const upper = name.toUpperCase();
  if (upper.startsWith(SECRET_ENV_PREFIX)) {
    return `${name} holds \${secret:${name.slice(SECRET_ENV_PREFIX.length)}} and is read only as that`;
  }
  for (const [secretName, variable] of mapping) {
    if (variable.toUpperCase() === upper) return `${name} holds \${secret:${secretName}} (--secret-env) and is read only as that`;
  }
  const reserved = RESERVED.find(([prefix]) => upper.startsWith(prefix));
  return reserved ? `${name} is ${reserved[1]} and never read into a file` : undefined;
}

/** `--allow-env` values: names of variables ${env:} may read, none of them reserved. */
export function parseAllowEnv(values: readonly string[] | undefined, mapping: Map<string, string>): Set<string> | undefined {
  if (values === undefined || values.length === 0) return undefined;
  for (const name of values) {
    if (!ENV_NAME.test(name)) throw new CliError(`--allow-env takes the name of an environment variable, e.g. --allow-env PG_PASSWORD (got "${name}").`);
    const reason = reservedReason(name, mapping);
    if (reason) throw new CliError(`--allow-env ${name}: ${reason}.`);
  }
  return new Set(values);
}

export function secretSources(env: Record<string, string | undefined>, mapping: Map<string, string>, allowEnv?: ReadonlySet<string>): SecretSources {
  const variableFor = (name: string) => mapping.get(name) ?? `${SECRET_ENV_PREFIX}${name}`;
  const envRefusal = (name: string): string | undefined => {
    const reserved = reservedReason(name, mapping);
    if (reserved) return reserved;
    if (allowEnv && !allowEnv.has(name)) return `${name} is not among the --allow-env names (${[...allowEnv].join(', ')})`;
    return undefined;
  };
  return {
    variableFor,
    envRefusal,
    sources: {
      env: (name) => (envRefusal(name) === undefined ? env[name] : undefined),
      secret: async (name) => env[variableFor(name)],
    },
    describeMissing: (missing) => {
      const parts = missing.map((m) => {
        // The words of core's describeMissing, and for a refused variable why it is never read.
        if (m.kind !== 'env') return `secret ${m.name} (for ${m.path}; set ${variableFor(m.name)})`;
        const refusal = envRefusal(m.name);
        return `environment variable ${m.name} (for ${m.path}${refusal ? `; ${refusal}` : ''})`;
      });
      return `Missing ${parts.join(', ')}.`;
    },
  };
}
