import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Protocol } from '../../client/src/languageProtocol';

// The client repeats the server's custom message names (it must not bundle the server's sources); keep them equal.
test('the client speaks the same custom LSP messages as the server declares', () => {
  const serverTypes = readFileSync(path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'catalog', 'types.ts'), 'utf8');
  for (const [key, method] of Object.entries(Protocol)) {
    assert.match(serverTypes, new RegExp(`${key}: '${method.replace('/', '\\/')}'`), `${key} = ${method}`);
  }
});
