// Where placeholder values come from on the command line: ${env:NAME} from the environment; ${secret:NAME} from the
// environment variable that --secret-env NAME=ENVVAR names, else POLYTOMIC_SECRET_<NAME>. Values are read only when a
// file is compared or sent, and never printed.
import type { PlaceholderSources } from '../../core/src/placeholders';
import { CliError } from './cliError';

export const SECRET_ENV_PREFIX = 'POLYTOMIC_SECRET_';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface SecretSources {
  sources: PlaceholderSources;
  /** The variable that holds ${secret:NAME}, for messages. */
  variableFor(name: string): string;
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

export function secretSources(env: Record<string, string | undefined>, mapping: Map<string, string>): SecretSources {
  const variableFor = (name: string) => mapping.get(name) ?? `${SECRET_ENV_PREFIX}${name}`;
  return {
    variableFor,
    sources: {
      env: (name) => env[name],
      secret: async (name) => env[variableFor(name)],
    },
  };
}
