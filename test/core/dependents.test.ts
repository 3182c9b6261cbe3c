import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDependents, listDependents } from '../../core/src/dependents';

const usedBy = [
  { type: 'bulk_sync', name: 'Nightly', id: '1' },
  { type: 'model', name: 'Users', id: '2' },
  { type: 'bulk_sync', name: 'Hourly', id: '3' },
];

test('dependents are grouped by type in words, for the in-use dialog', () => {
  assert.equal(describeDependents(usedBy), 'bulk sync: "Nightly", "Hourly"\nmodel: "Users"');
  assert.equal(describeDependents([]), '');
});

test('dependents in one sentence, for the force delete prompt', () => {
  assert.equal(listDependents(usedBy), 'bulk sync "Nightly", model "Users", bulk sync "Hourly"');
});
