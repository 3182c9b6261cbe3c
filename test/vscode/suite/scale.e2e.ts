// The tree with 5,000 connections: built from ONE list call (no request per item), every connection present and
// every item renderable. Speed itself is a benchmark's business; this proves the shape that keeps it fast.
import * as assert from 'node:assert/strict';
import { emulatorUrl, eventually, logLines, polytomic } from './polytomicSupport';

const LIST_CALL = /GET \/api\/connections -> 200/;
const ITEM_CALL = /GET \/api\/connections\/[^ ]+ ->/;

async function resetEmulator(seed: string): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/__emulator/reset`, { method: 'POST', body: JSON.stringify({ seed }) });
  assert.ok(response.ok, `reset to ${seed} failed: ${response.status}`);
}

describe('the connections tree with 5,000 connections', () => {
  after(async () => {
    await resetEmulator('demo');
    await (await polytomic()).refreshTree();
  });

  it('is built from one list call and shows every connection', async () => {
    const api = await polytomic();
    await resetEmulator('many:5000');
    const before = logLines(api);
    const listCallsBefore = before.filter((l) => LIST_CALL.test(l)).length;
    const itemCallsBefore = before.filter((l) => ITEM_CALL.test(l)).length;

    await api.refreshTree();
    const connections = api.treeConnections();
    assert.equal(connections?.length, 5000);
    const groups = api.treeChildren();
    let shown = 0;
    for (const group of groups) {
      for (const node of api.treeChildren(group)) {
        const item = api.treeItem(node);
        assert.ok(item.label && item.iconPath);
        shown++;
      }
    }
    assert.equal(shown, 5000);

    const after = await eventually(() => {
      const lines = logLines(api);
      return lines.filter((l) => LIST_CALL.test(l)).length > listCallsBefore ? lines : undefined;
    }, 'the list call in the log');
    assert.equal(after.filter((l) => LIST_CALL.test(l)).length, listCallsBefore + 1, 'exactly one list call');
    assert.equal(after.filter((l) => ITEM_CALL.test(l)).length, itemCallsBefore, 'no request per connection');
  });
});
