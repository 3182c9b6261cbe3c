// Argument parsing with node:util parseArgs (strict), its errors turned into one sentence that names the fix.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliError';

export const PROGRAM = 'polytomic-connections';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options of every command that talks to the Polytomic API. */
export const API_OPTIONS = {
  profile: { type: 'string' },
  'profiles-file': { type: 'string' },
  'api-key-file': { type: 'string' },
  'base-url': { type: 'string' },
  'api-version': { type: 'string' },
  verbose: { type: 'boolean' },
} as const satisfies Options;

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const satisfies Options;

type OptionValue<D> = D extends { type: 'boolean' } ? (D extends { multiple: true } ? boolean[] : boolean) : D extends { multiple: true } ? string[] : string;

/** What parseArgs returns for these options (its own result type is not exported by @types/node). */
export interface Parsed<O extends Options> {
  values: { [K in keyof O]?: OptionValue<O[K]> };
  positionals: string[];
}

/** Parses one command's arguments; anything unknown or malformed is a usage error (exit 2). */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O, allowPositionals: boolean): Parsed<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true }) as Parsed<O>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /'([^']+)'/.exec(message)?.[1];
    const hint = `Run "${PROGRAM} ${command} --help" for the options.`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new CliError(`Unknown option ${quoted ?? ''} for ${command}. ${hint}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new CliError(`${command} takes no argument ${quoted ? `"${quoted}"` : ''}. ${hint}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new CliError(`${message.replace(/\.$/, '')}. ${hint}`);
    throw new CliError(`${message} ${hint}`);
  }
}

/** The value of a string option that must be one of a few words. */
export function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${option} must be one of ${allowed.join(', ')} (got "${value}").`);
}
