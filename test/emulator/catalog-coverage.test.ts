import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator/src/index';
import { generateConfiguration } from './generate-configuration';
import { call, mapConcurrently, sharedCatalog, start } from './harness';

const index: Array<{ id: string; name: string }> = JSON.parse(readFileSync(join(sharedCatalog, 'index.json'), 'utf8'));
const readSchema = (id: string) => JSON.parse(readFileSync(join(sharedCatalog, `${id}.json`), 'utf8'));

describe('every type of the shared catalog', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  after(() => emulator.close());

  test('the catalog holds all 232 types', () => {
    assert.equal(index.length, 232);
  });

  test('serves all 232 types, each schema verbatim', async () => {
    const list = await call(emulator, 'GET', '/api/connection_types');
    assert.equal(list.json.data.length, 232);
    const mismatched = await mapConcurrently(index, 8, async ({ id }) => {
      const result = await call(emulator, 'GET', `/api/connection_types/${id}`);
      return result.status === 200 && JSON.stringify(result.json) === JSON.stringify(readSchema(id)) ? [] : [id];
    });
    assert.deepEqual(mismatched.flat(), []);
  });

  test('accepts a generated valid configuration of each with validate:false, and masks its secrets', async () => {
    const failures = await mapConcurrently(index, 8, async ({ id }) => {
      const schema = readSchema(id);
      const configuration = generateConfiguration(schema);
      const result = await call(emulator, 'POST', '/api/connections', { body: { name: `generated ${id}`, type: id, configuration, validate: false } });
      if (result.status !== 200) return [`${id}: ${result.status} ${result.json?.message}`];
      return Object.entries<any>(schema.properties ?? {})
        .filter(([name, field]) => field.sensitive === true && ![undefined, '', '********'].includes(result.json.data.configuration[name]))
        .map(([name]) => `${id}: ${name} not masked`);
    });
    assert.deepEqual(failures.flat(), []);
    assert.equal(emulator.state.connections.size, 232);
  });

  test('refuses each type\'s configuration when a required field is missing', async () => {
    const wrong = await mapConcurrently(index, 8, async ({ id }) => {
      const schema = readSchema(id);
      const required: string[] = schema.required ?? [];
      if (required.length === 0) return [];
      const configuration = generateConfiguration(schema);
      delete configuration[required[0]];
      const result = await call(emulator, 'POST', '/api/connections', { body: { name: `broken ${id}`, type: id, configuration, validate: false } });
      const refused = result.status === 422 && result.json.message.includes(`missing required field \`${required[0]}\``);
      return refused ? [] : [`${id}: ${result.status} ${result.text}`];
    });
    assert.deepEqual(wrong.flat(), []);
  });
});
