// The Plan view's words and shapes (client/src/plan/planModel.ts), without an editor: groups in the plan's order,
// the change summary, one question per missing placeholder name over concurrent items, where a file's id sits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaceholderUse } from '../../core/src/placeholders';
import { countActions, type Plan, type PlanItem } from '../../core/src/workspace/plan';
import { askOncePerName, changeSummary, duplicateIdMessage, idValueSpan, itemDescription, planGroups, resultLines } from '../../client/src/plan/planModel';

function item(action: PlanItem['action'], name: string, extra: Partial<PlanItem> = {}): PlanItem {
  return { key: `file:///w/${name}.polytomic.json`, action, name, changes: [], unknown: [], missing: [], ...extra };
}

test('groups follow the plan order, only non-empty ones, with the view titles', () => {
  const items = [item('unmanaged', 'Live only'), item('create', 'New'), item('blocked', 'Broken'), item('create', 'Other new'), item('unchanged', 'Same')];
  const plan: Plan = { profileName: 'p', items, counts: countActions(items) };
  assert.deepEqual(
    planGroups(plan).map((g) => [g.title, g.items.map((i) => i.name)]),
    [
      ['To create', ['New', 'Other new']],
      ['Blocked', ['Broken']],
      ['Unchanged', ['Same']],
      ['Unmanaged', ['Live only']],
    ],
  );
});

test('an update says its first changes and how many more; a create what it needs', () => {
  const changes = ['port', 'database', 'username', 'password'].map((f) => ({ path: `configuration.${f}`, note: `${f} changed` }));
  assert.equal(changeSummary(item('update', 'U', { changes })), 'port: port changed; database: database changed; username: username changed (and 1 more)');
  const missing: PlaceholderUse[] = [
    { kind: 'env', name: 'PG_PASSWORD', path: 'configuration.password' },
    { kind: 'env', name: 'PG_PASSWORD', path: 'configuration.replica_password' },
  ];
  assert.equal(changeSummary(item('create', 'C', { missing })), 'new; needs PG_PASSWORD');
  assert.equal(changeSummary(item('stale', 'S', { reason: 'no connection with id 1' })), 'no connection with id 1');
});

test('the description names the file and, for a blocked item, the first clause of its reason', () => {
  const file = { path: 'file:///w/a.polytomic.json', label: 'a.polytomic.json', text: '{}' };
  assert.equal(itemDescription(item('blocked', 'A', { file, reason: 'line 3: port must be integer: fix it, then plan again' }), false), 'a.polytomic.json · line 3: port must be integer');
  assert.equal(itemDescription(item('create', 'A', { file }), true), 'a.polytomic.json · unsaved changes not planned');
  assert.equal(itemDescription(item('unmanaged', 'L', { type: 'postgresql', id: 'c-1' }), false), 'postgresql · c-1');
});

test('a missing placeholder is asked for once per name, one question at a time, across concurrent items', async () => {
  const asked: string[] = [];
  let open = 0;
  let overlapped = false;
  const ask = askOncePerName(async (use) => {
    open++;
    if (open > 1) overlapped = true;
    asked.push(use.name);
    await new Promise((resolve) => setTimeout(resolve, 5));
    open--;
    return use.name !== 'DECLINED';
  });
  const use = (name: string): PlaceholderUse => ({ kind: 'env', name, path: 'configuration.password' });
  const answers = await Promise.all([ask([use('A'), use('B')]), ask([use('A')]), ask([use('DECLINED')]), ask([use('B'), use('DECLINED')])]);
  assert.deepEqual(asked, ['A', 'B', 'DECLINED']);
  assert.equal(overlapped, false, 'never two questions at once');
  assert.deepEqual(answers, [true, true, false, true]);
  assert.equal(await ask([use('DECLINED')]), false, 'a declined name is not asked again');
  assert.deepEqual(asked, ['A', 'B', 'DECLINED']);
});

test('the id value is found in a file with comments, and the warning names the other files', () => {
  const text = '// copied\n{\n  "name": "X", // note\n  "id": "c-42",\n  "type": "postgresql"\n}\n';
  const span = idValueSpan(text);
  assert.ok(span);
  assert.equal(text.slice(span.offset, span.offset + span.length), '"c-42"');
  assert.equal(idValueSpan('{ "name": "no id" }'), undefined);
  assert.equal(idValueSpan('{ "configuration": { "id": "nested" } }'), undefined, 'only the top-level id');
  assert.match(duplicateIdMessage('c-42', ['b.polytomic.json']), /^b\.polytomic\.json also holds connection id c-42: an update from either file overwrites the other's connection/);
  assert.match(duplicateIdMessage('c-42', ['b.polytomic.json', 'c.polytomic.json']), /c\.polytomic\.json also hold connection id/);
});

test('the details list failed and skipped items with their reasons, not the done ones', () => {
  const lines = resultLines([
    { key: 'a', name: 'A', label: 'a.polytomic.json', action: 'create', outcome: 'done', id: '1' },
    { key: 'b', name: 'B', label: 'b.polytomic.json', action: 'update', outcome: 'failed', reason: 'Polytomic said 422' },
    { key: 'c', name: 'C', action: 'create', outcome: 'skipped', reason: 'cancelled before it started' },
  ]);
  assert.deepEqual(lines, ['failed: update "B" (b.polytomic.json): Polytomic said 422', 'skipped: create "C": cancelled before it started']);
});
