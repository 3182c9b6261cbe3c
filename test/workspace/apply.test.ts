// Applying a folder's plan against the emulator: ids written back, a failure that stops nothing else, no duplicate
// after a lost answer or a second run, a file changed since the plan left alone, cancel.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { applicableItems, applyPlan, applySummary, buildPlan, type ApplyProgress } from '../../core/src/workspace';
import { makeClient } from '../api/support/clientFactory';
import { API_KEY, openWorkspace, postgres, type Workspace } from './support';

describe('applying the plan of a folder', () => {
  let ws: Workspace;
  before(async () => {
    ws = await openWorkspace();
    ws.env.PG_PASSWORD = 'pg-secret-value-2';
  });
  afterEach(() => ws.emulator.reset());
  after(() => ws.close());

  const plan = async () => buildPlan(await ws.files(), await ws.client.listConnections(), ws.planDeps());
  const liveNames = async () => (await ws.client.listConnections()).map((c) => c.name).sort();

  test('creates and updates run with bounded concurrency, ids go into the files with comments kept, and the next plan is unchanged', async () => {
    for (let i = 0; i < 12; i++) ws.write(`dbs/db-${String(i).padStart(2, '0')}.polytomic.json`, postgres(`DB ${i}`));
    ws.write('commented.polytomic.json', '// the billing replica\n' + JSON.stringify(postgres('Commented'), null, 2) + '\n');
    let inFlight = 0;
    let widest = 0;
    const progress: ApplyProgress[] = [];
    const deps = await ws.applyDeps();
    const results = await applyPlan(
      applicableItems(await plan()),
      {
        ...deps,
        createConnection: async (body, options) => {
          widest = Math.max(widest, ++inFlight);
          try {
            await new Promise((r) => setTimeout(r, 100)); // a real API's latency, longer than a loaded machine takes to start the other lanes
            return await deps.createConnection(body, options);
          } finally {
            inFlight--;
          }
        },
      },
      { concurrency: 4, onProgress: (p) => progress.push(p) },
    );
    assert.equal(applySummary(results), '13 done');
    assert.equal(widest, 4, 'four at a time, never more');
    assert.deepEqual(progress.map((p) => p.done), Array.from({ length: 13 }, (_, i) => i + 1));
    const text = readFileSync(`${ws.dir}/commented.polytomic.json`, 'utf8');
    assert.match(text, /^\/\/ the billing replica\n\{\n  "id": "[0-9a-f-]{36}",\n  "name": "Commented"/);
    assert.equal((await ws.client.listConnections()).length, 13);
    const again = await plan();
    assert.equal(again.counts.unchanged, 13, JSON.stringify(again.items.filter((i) => i.action !== 'unchanged').map((i) => [i.action, i.changes, i.reason])));
    const live = await ws.client.getConnection(results[0].id as string);
    assert.notEqual(live.configuration?.password, '${env:PG_PASSWORD}', 'the placeholder was resolved on the wire');

    ws.write('dbs/db-03.polytomic.json', { ...ws.read('dbs/db-03.polytomic.json'), configuration: { ...(postgres('DB 3').configuration as object), port: 5439 } });
    const update = await plan();
    assert.equal(update.counts.update, 1);
    const [updated] = await applyPlan(applicableItems(update), await ws.applyDeps());
    assert.equal(updated.outcome, 'done');
    assert.equal((await ws.client.getConnection(updated.id as string)).configuration?.port, 5439);
    assert.equal((await plan()).counts.unchanged, 13);
  });

  test('a failed item never stops the others, says why, and running again creates no duplicate', async () => {
    ws.write('good-1.polytomic.json', postgres('Good 1'));
    ws.write('needs-secret.polytomic.json', postgres('Needs Secret', { configuration: { ...(postgres('x').configuration as object), password: '${secret:NOT_SET}' } }));
    ws.write('good-2.polytomic.json', postgres('Good 2'));
    const results = await applyPlan(applicableItems(await plan()), await ws.applyDeps(), { concurrency: 2 });
    const failed = results.find((r) => r.outcome === 'failed');
    assert.equal(failed?.label, 'needs-secret.polytomic.json');
    assert.match(failed?.reason ?? '', /nothing was sent: Missing secret NOT_SET \(for configuration\.password/);
    assert.equal(results.filter((r) => r.outcome === 'done').length, 2);
    ws.env.SECRET_NOT_SET = 'now-set';
    const second = await applyPlan(applicableItems(await plan()), await ws.applyDeps());
    assert.deepEqual(second.map((r) => [r.label, r.outcome]), [['needs-secret.polytomic.json', 'done']]);
    assert.deepEqual(await liveNames(), ['Good 1', 'Good 2', 'Needs Secret']);
  });

  test('an answer lost after the create went through: applying again replays it, with no second connection', async () => {
    for (let i = 0; i < 6; i++) ws.write(`lost-${i}.polytomic.json`, postgres(`Lost ${i}`));
    // Every create commits, then its answer is a 502: the outcome is unknown to the engine.
    ws.emulator.faults.set({ errorRate: 1, errorStatuses: [502], afterCommitShare: 1, methods: ['POST'] });
    const once = makeClient(ws.emulator.url, { apiKey: API_KEY, retry: { maxAttempts: 1 } }, { name: 'ws' }).client; // a crash: no retry
    const first = await applyPlan(applicableItems(await plan()), await ws.applyDeps({ createConnection: (body, o) => once.createConnection(body, o) }));
    await once.close();
    ws.emulator.faults.clear();
    assert.ok(first.every((r) => r.outcome === 'failed'), JSON.stringify(first));
    assert.equal((await ws.client.listConnections()).length, 6, 'they were created, though nobody heard');
    // A new process (the keys are read from the file again): the same keys, so Polytomic replays each create.
    const second = await applyPlan(applicableItems(await buildPlan(await ws.files(), [], ws.planDeps())), await ws.applyDeps());
    assert.ok(second.every((r) => r.outcome === 'done'), JSON.stringify(second));
    assert.equal((await ws.client.listConnections()).length, 6, 'no duplicate');
    for (let i = 0; i < 6; i++) assert.match(String(ws.read(`lost-${i}.polytomic.json`).id), /^[0-9a-f-]{36}$/);
  });

  test('a 5xx again for a create key kept from an earlier attempt says that Polytomic repeats a key\'s first answer, and what to check', async () => {
    ws.write('repeat/r.polytomic.json', postgres('Repeat'));
    const once = makeClient(ws.emulator.url, { apiKey: API_KEY, retry: { maxAttempts: 1 } }, { name: 'ws' }).client;
    const deps = await ws.applyDeps({ createConnection: (body, o) => once.createConnection(body, o) });
    ws.emulator.faults.set({ errorRate: 1, errorStatuses: [500], afterCommitShare: 0, methods: ['POST'] });
    try {
      const items = () => plan().then((p) => applicableItems(p).filter((i) => i.file?.label === 'repeat/r.polytomic.json'));
      const [first] = await applyPlan(await items(), deps);
      assert.equal(first.outcome, 'failed');
      assert.doesNotMatch(first.reason ?? '', /kept from an earlier attempt/, 'a first attempt is only a failure');
      const [second] = await applyPlan(await items(), await ws.applyDeps({ createConnection: (body, o) => once.createConnection(body, o) }));
      assert.equal(second.outcome, 'failed');
      assert.match(second.reason ?? '', /kept from an earlier attempt, and Polytomic repeats a key's first answer for a day: check in Polytomic whether "Repeat" exists\. If it does, Pull it into repeat\/r\.polytomic\.json/);
    } finally {
      ws.emulator.faults.clear();
      await once.close();
      rmSync(`${ws.dir}/repeat`, { recursive: true, force: true });
    }
  });

  test('after an apply the next plan has nothing to update, also for an integer secret and a read-only field the file sets', async () => {
    ws.env.AIRTABLE_KEY = 'airtable-key-1';
    ws.env.STRACKR_KEY = 'strackr-key-1';
    ws.write('airtable.polytomic.json', { name: 'Airtable', type: 'airtable', configuration: { api_key: '${env:AIRTABLE_KEY}' } });
    ws.write('strackr.polytomic.json', { name: 'Strackr', type: 'strackr', configuration: { api_id: 12345, api_key: '${env:STRACKR_KEY}', currency_type: 'USD' } });
    ws.write('hook.polytomic.json', { name: 'Hook', type: 'webhook', configuration: { url: 'https://hooks.example.com/in', auth_method: 'polytomic_secret', secret: 'whsec-set-by-file' } });
    const first = await applyPlan(applicableItems(await plan()), await ws.applyDeps());
    assert.deepEqual(first.map((r) => r.outcome), ['done', 'done', 'done'], JSON.stringify(first));
    const again = await plan();
    const mine = new Set(['airtable.polytomic.json', 'strackr.polytomic.json', 'hook.polytomic.json']);
    const moving = again.items.filter((i) => mine.has(i.file?.label ?? '') && i.action !== 'unchanged').map((i) => [i.file?.label, i.action, i.changes]);
    assert.deepEqual(moving, [], 'nothing stays "to update" forever');
  });

  test('stop (a first Ctrl-C) lets the creates being sent finish and starts no more; abort says an in-flight create may have gone through', async () => {
    for (let i = 0; i < 6; i++) ws.write(`stop/s-${i}.polytomic.json`, postgres(`Stop ${i}`));
    const items = applicableItems(await plan()).filter((i) => i.file?.label.startsWith('stop/'));
    const stop = new AbortController();
    const deps = await ws.applyDeps();
    let started = 0;
    const slow = { ...deps, createConnection: async (body: Parameters<typeof deps.createConnection>[0], o: Parameters<typeof deps.createConnection>[1]) => {
      if (++started === 2) stop.abort();
      await new Promise((r) => setTimeout(r, 150));
      return deps.createConnection(body, o);
    } };
    const results = await applyPlan(items, slow, { concurrency: 2, stop: stop.signal });
    assert.deepEqual(results.map((r) => r.outcome), ['done', 'done', 'skipped', 'skipped', 'skipped', 'skipped']);
    assert.ok(results.slice(0, 2).every((r) => /^[0-9a-f-]{36}$/.test(r.id ?? '')), 'the two in flight finished, ids written');

    const abort = new AbortController();
    const rest = applicableItems(await plan()).filter((i) => i.file?.label.startsWith('stop/'));
    const aborted = await applyPlan(rest, { ...deps, createConnection: async (body, o) => {
      const created = deps.createConnection(body, { ...o, signal: undefined });
      await created;
      abort.abort();
      o.signal?.throwIfAborted();
      return created;
    } }, { concurrency: 1, signal: abort.signal });
    assert.equal(aborted[0].outcome, 'failed');
    assert.match(aborted[0].reason ?? '', /it may have gone through.*Apply again replays the create/);
    const replay = await applyPlan(applicableItems(await plan()).filter((i) => i.file?.label.startsWith('stop/')), deps);
    assert.equal(replay.filter((r) => r.outcome === 'done').length, 4);
    const names = (await ws.client.listConnections()).map((c) => c.name).filter((n) => n.startsWith('Stop'));
    assert.equal(names.length, 6, 'the create that was aborted after it went through was replayed, not repeated');
  });

  test('a file changed since the plan is skipped; cancel skips what had not started', async () => {
    ws.write('a.polytomic.json', postgres('A'));
    ws.write('b.polytomic.json', postgres('B'));
    ws.write('c.polytomic.json', postgres('C'));
    ws.write('d.polytomic.json', postgres('D'));
    const items = applicableItems(await plan());
    ws.write('b.polytomic.json', postgres('B renamed'));
    const controller = new AbortController();
    const deps = await ws.applyDeps();
    const writeId = async (file: { label: string }, id: string) => {
      await deps.writeId(file as never, id);
      if (file.label === 'c.polytomic.json') controller.abort();
    };
    const results = await applyPlan(items, { ...deps, writeId }, { concurrency: 1, signal: controller.signal });
    assert.deepEqual(results.map((r) => [r.label, r.outcome]), [['a.polytomic.json', 'done'], ['b.polytomic.json', 'skipped'], ['c.polytomic.json', 'done'], ['d.polytomic.json', 'skipped']]);
    assert.match(results[1].reason ?? '', /changed since the plan: plan again/);
    assert.match(results[3].reason ?? '', /cancelled before it started/);
    assert.deepEqual(await liveNames(), ['A', 'C']);
  });
});
