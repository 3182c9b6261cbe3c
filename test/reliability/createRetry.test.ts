// A create whose answer was lost (the client timed out while the API was still saving it) and that is run again for
// the same file: with one idempotency key per logical create (CreateKeys, as Polytomic: Create Connection keeps them in
// workspace state) the second run gets the first connection back instead of making a second one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PolytomicClient } from '../../core/src/api/client';
import { PolytomicApiError } from '../../core/src/api/errors';
import { createHmac } from 'node:crypto';
import { canonicalJson, CreateKeys, type KeyMemento } from '../../core/src/createKeys';
import type { CreateConnectionRequest } from '../../core/src/api/types';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { SHARED_CATALOG } from './support/paths';
import { plainRequest } from './support/plainHttp';

const API_KEY = 'create-retry-key-W3n8Rb';
const FILE_URI = 'file:///work/orders.polytomic.json';
const BODY: CreateConnectionRequest = {
  name: 'Orders database',
  type: 'postgresql',
  configuration: { hostname: 'db.example.com', port: 5432, database: 'orders', username: 'app', password: 'pw-create-retry-1' },
  validate: false,
};

describe('running Create again after a timeout', () => {
  let emulator: RunningEmulator;
  let client: PolytomicClient;

  before(async () => {
    emulator = await startEmulator({ apiKeys: [API_KEY], catalogDir: SHARED_CATALOG });
    client = new PolytomicClient({
      profile: { name: 'create retry', baseUrl: emulator.url, keyKind: 'user', apiVersion: '2025-09-18' },
      apiKey: API_KEY,
      requestTimeoutMs: 300,
    });
  });

  after(async () => {
    await client.close();
    await emulator.close();
  });

  /** The first create times out while the emulator holds it; releasing the hold lets it commit, unseen by the client. */
  async function createLostInFlight(idempotencyKey?: string): Promise<void> {
    emulator.reset();
    await plainRequest(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ latencyMs: 60_000, methods: ['POST'] }) });
    await assert.rejects(client.createConnection(BODY, { idempotencyKey }), { kind: 'timeout' });
    await plainRequest(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
    while (emulator.state.connections.size === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  test('with the same idempotency key the second run gets the first connection back', async () => {
    await createLostInFlight('orders-file-create-1');
    const again = await client.createConnection(BODY, { idempotencyKey: 'orders-file-create-1' });
    assert.equal(emulator.state.connections.size, 1);
    assert.ok(emulator.state.connections.has(again.id));
  });

  test('as Polytomic: Create Connection runs it (its key kept per file and body), the second run makes no second connection', async () => {
    const keys = new CreateKeys(new MapMemento(), digestKey);
    const firstRun = await keys.keyFor(FILE_URI, BODY);
    await createLostInFlight(firstRun);
    const secondRun = await keys.keyFor(FILE_URI, structuredClone(BODY));
    assert.equal(secondRun, firstRun);
    const again = await client.createConnection(BODY, { idempotencyKey: secondRun });
    assert.equal(emulator.state.connections.size, 1);
    assert.ok(emulator.state.connections.has(again.id));
  });
});

/** The digest key, as the extension keeps it in SecretStorage (apart from the state a snapshot can read). */
const digestKey = async () => 'digest-key-kept-in-secret-storage';

/** workspaceState as a Map, with the same drop-on-undefined rule. */
class MapMemento implements KeyMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }
}

describe('the create key of a file', () => {
  test('is kept for the same body in any key order, and is new for a changed body or another file', async () => {
    const keys = new CreateKeys(new MapMemento(), digestKey);
    const first = await keys.keyFor(FILE_URI, BODY);
    const reordered = { validate: false, configuration: { ...BODY.configuration }, type: BODY.type, name: BODY.name };
    assert.equal(await keys.keyFor(FILE_URI, reordered), first);
    const changed = await keys.keyFor(FILE_URI, { ...BODY, configuration: { ...BODY.configuration, port: 5433 } });
    assert.notEqual(changed, first);
    assert.notEqual(await keys.keyFor('file:///work/other.polytomic.json', BODY), first);
    // Back to the first body is a new logical create too: only the latest body's key is kept.
    assert.notEqual(await keys.keyFor(FILE_URI, BODY), first);
  });

  test('is dropped once settled and after a definite refusal, kept when the outcome is unknown', async () => {
    const keys = new CreateKeys(new MapMemento(), digestKey);
    const error = (kind: 'timeout' | 'server' | 'conflict' | 'unprocessable' | 'bad_request') =>
      new PolytomicApiError({ kind, message: kind, method: 'POST', path: '/api/connections' });
    const first = await keys.keyFor(FILE_URI, BODY);
    for (const unknownOutcome of ['timeout', 'server', 'conflict'] as const) {
      await keys.failed(FILE_URI, error(unknownOutcome));
      assert.equal(await keys.keyFor(FILE_URI, BODY), first, `${unknownOutcome} dropped the key`);
    }
    await keys.failed(FILE_URI, error('unprocessable'));
    const afterRefusal = await keys.keyFor(FILE_URI, BODY);
    assert.notEqual(afterRefusal, first);
    await keys.settled(FILE_URI);
    assert.notEqual(await keys.keyFor(FILE_URI, BODY), afterRefusal);
  });

  test('keeps no secret of the body in the state', async () => {
    const memento = new MapMemento();
    await new CreateKeys(memento, digestKey).keyFor(FILE_URI, BODY);
    const stored = JSON.stringify([...memento.values]);
    assert.ok(!stored.includes(String(BODY.configuration.password)));
    assert.ok(stored.includes(FILE_URI));
  });

  test('cannot be used to check a guessed password: the digest is not keyed with anything the state holds', async () => {
    const memento = new MapMemento();
    await new CreateKeys(memento, digestKey).keyFor(FILE_URI, BODY);
    // The attack: read the state (as stateSnapshot() shows it), then try the stored key as the HMAC key of a body
    // with the right password guessed, in every form the old digest used.
    const [[, stored]] = [...memento.values] as [string, { key: string; bodyDigest: string }][];
    const guesses = [canonicalJson(BODY), `create\0${FILE_URI}\0${canonicalJson(BODY)}`];
    for (const guess of guesses) {
      assert.notEqual(createHmac('sha256', stored.key).update(guess).digest('base64url'), stored.bodyDigest, 'the right guess is confirmed by the state');
    }
    assert.ok(!JSON.stringify(stored).includes(await digestKey()));
  });
});
