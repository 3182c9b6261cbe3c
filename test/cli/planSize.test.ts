// A plan that fits a pull request comment (65,536 characters at most). The review's case: 1,070 live connections
// printed 389,624 bytes, every unmanaged one a line and every title padded to the longest name. Now the unmanaged
// are one count line unless --list-unmanaged, and the title column is at most 48 characters wide.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { TITLE_WIDTH } from '../../cli/src/planReport';
import { cleanEnv, putLive, runCli, SHARED_CATALOG, tempFolder } from './support';

const KEY = 'cli-plan-size-key-71c3e9b0';
const LIVE = 1070;
const LONG_NAME = `Warehouse ${'replica '.repeat(25)}end`;

function pg(name: string): string {
  return JSON.stringify({ name, type: 'postgresql', configuration: { hostname: 'db.example.com', port: 5432, database: 'app', username: 'u', password: '${env:PG_PASSWORD}' } }, null, 2) + '\n';
}

describe('plan output sized for a pull request comment', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url, PG_PASSWORD: 'plan-size-password' });
    for (let i = 0; i < LIVE; i++) putLive(emulator, `Unmanaged connection number ${String(i).padStart(4, '0')} of a large organisation with long names`);
  });
  after(() => emulator.close());

  test(`${LIVE} unmanaged connections are one count line; a long name is cut to the title column`, async () => {
    const dir = tempFolder({ 'long.polytomic.json': pg(LONG_NAME), 'short.polytomic.json': pg('Short') });
    const planned = await runCli(['plan'], { cwd: dir, env });
    assert.equal(planned.status, 0, planned.stderr);
    assert.ok(Buffer.byteLength(planned.stdout) < 2000, `${Buffer.byteLength(planned.stdout)} bytes:\n${planned.stdout}`);
    assert.match(planned.stdout, new RegExp(`^${LIVE} live connections are in no file: "import --into DIR" writes files for them; "plan --list-unmanaged" lists them\\.$`, 'm'));
    assert.match(planned.stdout, new RegExp(`^Plan: 2 to create, ${LIVE} unmanaged\\.$`, 'm'));
    assert.ok(!planned.stdout.includes('· unmanaged'));
    const long = /^ {2}\+ create {4}(.+?) {2}long\.polytomic\.json$/m.exec(planned.stdout);
    assert.ok(long, planned.stdout);
    assert.equal([...long[1]].length, TITLE_WIDTH);
    assert.ok(long[1].startsWith('Warehouse replica replica') && long[1].endsWith('…'), long[1]);
    assert.match(planned.stdout, new RegExp(`^ {2}\\+ create {4}Short \\(postgresql\\) {${TITLE_WIDTH - 'Short (postgresql)'.length + 2}}short\\.polytomic\\.json$`, 'm'), 'padded to the capped width only');

    const listed = await runCli(['plan', '--list-unmanaged'], { cwd: dir, env });
    assert.equal(listed.stdout.split('\n').filter((l) => l.startsWith('  · unmanaged ')).length, LIVE);
    assert.ok(listed.stdout.split('\n').every((l) => !l.startsWith('  ') || l.length < 160), 'no line padded past the capped title');
    assert.match(listed.stdout, new RegExp(`^${LIVE} live connections are in no file: "import --into DIR" writes files for them\\.$`, 'm'));

    const json = JSON.parse((await runCli(['plan', '--format', 'json'], { cwd: dir, env })).stdout) as { items: { action: string }[] };
    assert.equal(json.items.filter((i) => i.action === 'unmanaged').length, LIVE, 'JSON lists everything');
  });
});
