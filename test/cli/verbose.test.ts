// --verbose on plan and apply: a line per request on stderr, and never the key, a placeholder's value or a secret
// (in clear or base64), including when a request fails and when the server's answer echoes what was sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, runCli, SHARED_CATALOG, tempFolder, type CliResult } from './support';

const KEY = 'cli-verbose-key-2d7f90ac';
const PG_PASSWORD = 'verbose-pg-password-5b1e';
const WAREHOUSE = 'verbose-warehouse-secret-c3a8';
const SECRETS = [KEY, PG_PASSWORD, WAREHOUSE].flatMap((s) => [s, Buffer.from(s).toString('base64')]);

function pg(name: string, password: string, hostname = 'db.example.com'): string {
  return JSON.stringify({ name, type: 'postgresql', configuration: { hostname, port: 5432, database: 'app', username: 'u', password } }, null, 2) + '\n';
}

function assertNoSecret(result: CliResult, what: string): void {
  for (const secret of SECRETS) assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), `${what}: a secret in\n${result.stdout}${result.stderr}`);
}

describe('--verbose on plan and apply', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url, PG_PASSWORD, POLYTOMIC_SECRET_WAREHOUSE: WAREHOUSE });
  });
  after(() => emulator.close());

  test('each request logged, no key or secret printed; a failed create neither', async () => {
    const dir = tempFolder({
      'orders.polytomic.json': pg('Orders', '${env:PG_PASSWORD}'),
      'warehouse.polytomic.json': pg('Warehouse', '${secret:WAREHOUSE}'),
      // The emulator cannot reach this upstream: Polytomic refuses the create quoting the host, which holds a secret.
      'unreachable.polytomic.json': pg('Unreachable', '${env:PG_PASSWORD}', '${secret:WAREHOUSE}-unreachable.example.com'),
    });
    const planned = await runCli(['plan', '--verbose'], { cwd: dir, env });
    assert.equal(planned.status, 0, planned.stdout + planned.stderr);
    assert.match(planned.stderr, /^\[info\] GET \/api\/connections .*200/m);
    assertNoSecret(planned, 'plan --verbose');

    const applied = await runCli(['apply', '--yes', '--verbose'], { cwd: dir, env });
    assert.match(applied.stderr, /^\[info\] POST \/api\/connections .*200/m);
    assert.equal(applied.stderr.split('\n').filter((l) => /^\[\w+\] POST \/api\/connections/.test(l)).length >= 3, true, applied.stderr);
    assert.match(applied.stdout, /^failed {3}Unreachable \(unreachable\.polytomic\.json\): .*could not reach `hostname` \(\[redacted\]-unreachable\.example\.com\)/m, 'the echo is shown, redacted');
    assert.match(applied.stderr, /^\[error\] POST \/api\/connections failed: .*\[redacted\]-unreachable/m);
    assertNoSecret(applied, 'apply --verbose');
    assert.equal(emulator.state.connections.size >= 2, true);
  });
});
