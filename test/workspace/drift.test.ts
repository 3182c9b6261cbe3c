// Drift: which side moved since the file and Polytomic last agreed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applicableItems, applyPlan, buildPlan, driftOf, recordBaseline } from '../../core/src/workspace';
import { memoryBaselines, openWorkspace, postgres, type Workspace } from './support';

describe('drift between a file and its connection', () => {
  let ws: Workspace;
  before(async () => {
    ws = await openWorkspace();
    ws.env.PG_PASSWORD = 'pg-secret-value-3';
  });
  after(() => ws.close());

  test('in sync, changed in the file, changed in Polytomic, both; and a file never applied from here differs', async () => {
    const baselines = memoryBaselines();
    ws.write('a.polytomic.json', postgres('A'));
    const deps = await ws.applyDeps({ onApplied: (_item, live, text) => recordBaseline(baselines, 'ws', text, live) });
    const [created] = await applyPlan(applicableItems(await buildPlan(await ws.files(), [], ws.planDeps())), deps);
    const id = created.id as string;
    const drift = async () => (await driftOf((await buildPlan(await ws.files(), await ws.client.listConnections(), ws.planDeps())).items, baselines, 'ws')).get(id);

    assert.equal(await drift(), 'in-sync');
    const file = ws.read('a.polytomic.json');
    ws.write('a.polytomic.json', { ...file, configuration: { ...(file.configuration as object), port: 6000 } });
    assert.equal(await drift(), 'file-changed');
    const live = await ws.client.getConnection(id);
    await ws.client.updateConnection(id, { name: 'A', type: 'postgresql', configuration: { ...live.configuration, password: 'pg-secret-value-3', database: 'moved' } });
    assert.equal(await drift(), 'both-changed');
    ws.write('a.polytomic.json', file);
    assert.equal(await drift(), 'live-changed');
    // The secret behind the placeholder changed: the file's side moved, though its text did not.
    await ws.client.updateConnection(id, { name: 'A', type: 'postgresql', configuration: { ...live.configuration, password: 'pg-secret-value-3' } });
    assert.equal(await drift(), 'in-sync');
    ws.env.PG_PASSWORD = 'rotated-secret';
    assert.equal(await drift(), 'file-changed');
    ws.env.PG_PASSWORD = 'pg-secret-value-3';

    const fresh = memoryBaselines();
    ws.write('a.polytomic.json', { ...file, name: 'A renamed' });
    const items = (await buildPlan(await ws.files(), await ws.client.listConnections(), ws.planDeps())).items;
    assert.equal((await driftOf(items, fresh, 'ws')).get(id), 'differs');
    const baselineText = JSON.stringify([...(await Promise.all([fresh.read(`ws/${id}`), baselines.read(`ws/${id}`)]))]);
    assert.ok(!baselineText.includes('pg-secret-value-3'), 'a baseline holds digests, never values');
  });
});
