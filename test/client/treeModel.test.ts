import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { groupByType, groupSummary, healthOf, sortConnections } from '../../client/src/tree/treeModel';
import type { Connection } from '../../core/src/api/types';

const c = (id: string, name: string, type: string, status?: string): Connection => ({ id, name, type: { id: type, name: type.toUpperCase() }, status });

describe('tree model', () => {
  test('health from status', () => {
    assert.equal(healthOf(c('1', 'a', 't', 'healthy')), 'healthy');
    assert.equal(healthOf(c('1', 'a', 't', 'Unhealthy')), 'unhealthy');
    assert.equal(healthOf(c('1', 'a', 't')), 'unknown');
  });

  test('groups by type, sorted by label, connections by name; counts unhealthy', () => {
    const groups = groupByType([c('1', 'zeta', 'pg', 'healthy'), c('2', 'Alpha', 'pg', 'unhealthy'), c('3', 'b', 'api')]);
    assert.deepEqual(groups.map((g) => [g.label, g.connections.map((x) => x.name)]), [
      ['API', ['b']],
      ['PG', ['Alpha', 'zeta']],
    ]);
    assert.equal(groupSummary(groups[1]!), '2 · 1 unhealthy');
    assert.equal(groupSummary(groups[0]!), '1');
  });

  test('5,000 connections are grouped in one pass with nothing lost', () => {
    const many = Array.from({ length: 5000 }, (_, i) => c(String(i), `conn ${i}`, `type${i % 7}`, i % 3 ? 'healthy' : 'unhealthy'));
    const groups = groupByType(many);
    assert.equal(groups.length, 7);
    assert.equal(groups.reduce((n, g) => n + g.connections.length, 0), 5000);
    assert.equal(sortConnections(many).length, 5000);
  });
});
