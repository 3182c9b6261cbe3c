// The plan of a folder against the emulator: every kind of item, from one list call, with nothing secret in it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPlan, planSummary, type PlanItem } from '../../core/src/workspace';
import { openWorkspace, postgres, type Workspace } from './support';

describe('the plan of a folder', () => {
  let ws: Workspace;
  let liveId: string;
  let otherId: string;
  before(async () => {
    ws = await openWorkspace({ seed: 'demo' });
    ws.env.PG_PASSWORD = 'pg-secret-value-1';
    const created = await ws.client.createConnection({ name: 'Orders DB', type: 'postgresql', configuration: (postgres('Orders DB').configuration as Record<string, unknown>) });
    liveId = created.id;
    otherId = (await ws.client.createConnection({ name: 'Events DB', type: 'postgresql', configuration: { ...(postgres('Events DB').configuration as object), password: 'x' } })).id;
  });
  after(() => ws.close());

  test('names each file create, update, unchanged, blocked, stale or duplicate, and each other live connection unmanaged', async () => {
    ws.write('new/billing.polytomic.json', postgres('Billing DB'));
    ws.write('orders.polytomic.json', { id: liveId, ...postgres('Orders DB') });
    // The same id twice: an update from the copy would overwrite the Events connection.
    ws.write('events.polytomic.json', { id: otherId, ...postgres('Events DB', { configuration: { ...(postgres('Events DB').configuration as object), port: 6543 } }) });
    ws.write('events-copy.polytomic.json', { id: otherId, ...postgres('Events DB') });
    ws.write('broken.polytomic.json', { name: 'Broken', type: 'postgresql', configuration: { hostname: 'h', port: 'not a port', database: 'd', username: 'u', password: 'p' } });
    ws.write('syntax.polytomic.json', '{ "name": "Syntax", ');
    ws.write('gone.polytomic.json', { id: '00000000-0000-4000-8000-000000000000', ...postgres('Gone DB') });
    ws.write('drifted.polytomic.json', { id: liveId.replace(/.$/, liveId.endsWith('0') ? '1' : '0'), ...postgres('Unknown id') });

    let lists = 0;
    let gets = 0;
    const live = await ws.client.listConnections().finally(() => lists++);
    const deps = ws.planDeps();
    const plan = await buildPlan(await ws.files(), live, { ...deps, getConnection: async (id, signal) => (gets++, ws.client.getConnection(id, signal)) });
    const by = (label: string): PlanItem => plan.items.find((i) => i.file?.label === label) as PlanItem;

    assert.equal(lists, 1);
    assert.equal(gets, 0, 'the list carries the configurations: no connection is fetched on its own');
    assert.equal(by('new/billing.polytomic.json').action, 'create');
    assert.equal(by('orders.polytomic.json').action, 'unchanged', JSON.stringify(by('orders.polytomic.json').changes));
    assert.equal(by('events.polytomic.json').action, 'duplicate');
    assert.match(by('events.polytomic.json').reason ?? '', /events-copy\.polytomic\.json also holds id .*overwrites the other's connection/);
    assert.equal(by('events-copy.polytomic.json').action, 'duplicate');
    assert.equal(by('broken.polytomic.json').action, 'blocked');
    assert.match(by('broken.polytomic.json').reason ?? '', /^line 6: `port` must be an integer/, 'the first error, with its line, from the language server');
    assert.equal(by('syntax.polytomic.json').action, 'blocked');
    assert.equal(by('gone.polytomic.json').action, 'stale');
    assert.match(by('gone.polytomic.json').reason ?? '', /no connection with id 00000000-.* in ws/);
    assert.equal(by('drifted.polytomic.json').action, 'stale');
    const unmanaged = plan.items.filter((i) => i.action === 'unmanaged');
    assert.ok(unmanaged.length >= 10, 'the demo organisation is unmanaged');
    assert.ok(!unmanaged.some((i) => i.id === liveId || i.id === otherId), 'a connection a file holds is not unmanaged, even from a duplicate');
    assert.equal(plan.counts.create, 1);
    assert.match(planSummary(plan.counts), /^1 to create, 2 blocked, 2 duplicate, 2 stale, 1 unchanged, \d+ unmanaged$/);
    assert.deepEqual(plan.items.slice(0, 3).map((i) => i.action), ['create', 'blocked', 'blocked'], 'creates first, in the order of PLAN_ACTIONS');
    assert.ok(!JSON.stringify(plan).includes('pg-secret-value-1'), 'no resolved secret anywhere in the plan');
  });

  test('an update lists what differs and shows both sides, secrets masked and placeholders named', async () => {
    ws.write('orders.polytomic.json', { id: liveId, ...postgres('Orders DB', { configuration: { ...(postgres('Orders DB').configuration as object), port: 5433 } }) });
    const plan = await buildPlan(await ws.files(), await ws.client.listConnections(), ws.planDeps());
    const item = plan.items.find((i) => i.file?.label === 'orders.polytomic.json') as PlanItem;
    assert.equal(item.action, 'update');
    assert.deepEqual(item.changes.find((c) => c.path === 'configuration.port'), { path: 'configuration.port', note: '5432 → 5433' });
    assert.ok(item.diff?.fileText.includes('${env:PG_PASSWORD}'));
    assert.ok(!item.diff?.liveText.includes('pg-secret-value-1') && !item.diff?.fileText.includes('pg-secret-value-1'));
  });

  test('a file to create that looks like a connection no file holds says so: Pull it rather than make a second one', async () => {
    const live = await ws.client.listConnections();
    ws.write('again/production.polytomic.json', { name: 'production postgres', type: 'postgresql', configuration: { hostname: 'h', port: 5432, database: 'd', username: 'u', password: '${env:PG_PASSWORD}' } });
    ws.write('again/other-type.polytomic.json', { name: 'Production Postgres', type: 'mysql', configuration: { hostname: 'h', port: 3306, account: 'u', passwd: '${env:PG_PASSWORD}' } });
    const plan = await buildPlan(await ws.files(), live, ws.planDeps());
    const twin = live.find((c) => c.name === 'Production Postgres');
    const same = plan.items.find((i) => i.file?.label === 'again/production.polytomic.json') as PlanItem;
    assert.equal(same.action, 'create', 'still a create: the user decides');
    assert.deepEqual(same.lookalikeIds, [twin?.id]);
    assert.match(same.reason ?? '', new RegExp(`ws has a postgresql connection named "Production Postgres" that no file holds \\(id ${twin?.id}\\): .*Pull it into this file instead, since Apply makes a second one`));
    const otherType = plan.items.find((i) => i.file?.label === 'again/other-type.polytomic.json') as PlanItem;
    assert.deepEqual([otherType.action, otherType.reason], ['create', undefined], 'another type is another connection');
  });

  test('a connection that cannot be read does not sink the plan: a 404 is stale, another failure blocks that file alone', async () => {
    ws.write('orders.polytomic.json', { id: liveId, ...postgres('Orders DB') });
    ws.write('events.polytomic.json', { id: otherId, ...postgres('Events DB') });
    ws.write('events-copy.polytomic.json', postgres('Events copy'));
    const live = (await ws.client.listConnections()).map((c) => (c.id === liveId || c.id === otherId ? { ...c, configuration: undefined } : c));
    const failing = async (id: string) => {
      if (id === liveId) return ws.client.getConnection('00000000-0000-4000-8000-00000000dead');
      throw new Error('the network went away');
    };
    const plan = await buildPlan(await ws.files(), live, { ...ws.planDeps(), getConnection: failing });
    const by = (label: string) => plan.items.find((i) => i.file?.label === label) as PlanItem;
    assert.equal(by('orders.polytomic.json').action, 'stale');
    assert.match(by('orders.polytomic.json').reason ?? '', /deleted while the plan was made/);
    assert.equal(by('events.polytomic.json').action, 'blocked');
    assert.match(by('events.polytomic.json').reason ?? '', /could not be read \(the network went away\): plan again/);
    assert.equal(by('events-copy.polytomic.json').action, 'create');
  });

  test("a syntax error is named in the language server's words, with its column", async () => {
    ws.write('syntax.polytomic.json', '{\n  "name": "Syntax",\n  "type": "postgresql"\n  "configuration": {}\n}\n');
    const plan = await buildPlan(await ws.files(), await ws.client.listConnections(), ws.planDeps());
    const item = plan.items.find((i) => i.file?.label === 'syntax.polytomic.json') as PlanItem;
    assert.equal(item.action, 'blocked');
    assert.doesNotMatch(item.reason ?? '', /CommaExpected|CloseBraceExpected/);
    assert.match(item.reason ?? '', /^line 4: .*comma/i);
  });

  test('a list entry without its configuration is fetched on its own; a missing placeholder is named, not resolved', async () => {
    delete ws.env.PG_PASSWORD;
    ws.write('orders.polytomic.json', { id: liveId, ...postgres('Orders DB') });
    const live = (await ws.client.listConnections()).map((c) => (c.id === liveId ? { ...c, configuration: undefined } : c));
    const fetched: string[] = [];
    const plan = await buildPlan(await ws.files(), live, { ...ws.planDeps(), getConnection: async (id) => (fetched.push(id), ws.client.getConnection(id)) });
    assert.deepEqual(fetched, [liveId]);
    const item = plan.items.find((i) => i.file?.label === 'orders.polytomic.json') as PlanItem;
    assert.deepEqual(item.missing.map((m) => m.name), ['PG_PASSWORD']);
    ws.env.PG_PASSWORD = 'pg-secret-value-1';
  });
});
