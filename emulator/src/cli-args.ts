// The CLI's flags, turned into EmulatorOptions with a clear message for anything wrong.
import { parseArgs } from 'node:util';
import { checkFaultSpec, type FaultSpec } from './faults';
import type { EmulatorOptions } from './options';

export const USAGE = `Usage: npm run emulator -- --api-key <key> [--api-key <key> ...] [options]

  --port <n>                 port on 127.0.0.1 (default 0: a free port)
  --catalog <folder>         catalog in the API's layout (default: the bundled schemas/catalog)
  --api-key <key>            accepted key (repeatable); Bearer <key> or Basic base64("<org-id>:<key>")
  --org-id <uuid>            the organisation's id (default: a fixed id, printed at start)
  --data <file>              keep the state in this file across restarts
  --seed demo|many:<n>       start with a demo organisation or n generated connections
  --verbose                  log one line per request (method, path, status)
Faults (also settable at POST /__emulator/faults):
  --latency-ms <n>  --error-rate <0..1>  --error-statuses 500,502,503  --after-commit-share <0..1>
  --drop-rate <0..1>  --rate-limit-every <n>  --retry-after <seconds>  --fault-seed <n>`;

export class UsageError extends Error {}

export interface CliOptions extends EmulatorOptions {
  verbose: boolean;
  help: boolean;
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new UsageError(`--${flag} must be a number, got "${value}"`);
  return parsed;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        catalog: { type: 'string' },
        'api-key': { type: 'string', multiple: true },
        'org-id': { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'latency-ms': { type: 'string' },
        'error-rate': { type: 'string' },
        'error-statuses': { type: 'string' },
        'after-commit-share': { type: 'string' },
        'drop-rate': { type: 'string' },
        'rate-limit-every': { type: 'string' },
        'retry-after': { type: 'string' },
        'fault-seed': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = number('port', values.port) ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535`);

  const raw: Record<string, unknown> = {};
  const set = (field: string, value: unknown) => {
    if (value !== undefined) raw[field] = value;
  };
  set('latencyMs', number('latency-ms', values['latency-ms']));
  set('errorRate', number('error-rate', values['error-rate']));
  set('afterCommitShare', number('after-commit-share', values['after-commit-share']));
  set('dropRate', number('drop-rate', values['drop-rate']));
  set('seed', number('fault-seed', values['fault-seed']));
  if (values['error-statuses'] !== undefined) {
    raw.errorStatuses = values['error-statuses'].split(',').map((s) => number('error-statuses', s.trim()));
  }
  const every = number('rate-limit-every', values['rate-limit-every']);
  if (every !== undefined) raw.rateLimit = { every, retryAfterSeconds: number('retry-after', values['retry-after']) ?? 1 };
  else if (values['retry-after'] !== undefined) throw new UsageError('--retry-after needs --rate-limit-every');
  let faults: FaultSpec | undefined;
  try {
    faults = Object.keys(raw).length > 0 ? checkFaultSpec(raw) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const help = values.help ?? false;
  const apiKeys = values['api-key'] ?? [];
  if (!help && apiKeys.length === 0) throw new UsageError('--api-key is required (repeat it to accept several keys)');
  return {
    port,
    catalogDir: values.catalog,
    apiKeys,
    orgId: values['org-id'],
    dataFile: values.data,
    seed: values.seed,
    faults,
    verbose: values.verbose ?? false,
    help,
  };
}
