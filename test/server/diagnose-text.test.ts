// The check of a file that is not open (polytomic/diagnoseText, and the standalone checker the command-line tool uses)
// gives exactly the diagnostics the server publishes for the same text when it is open.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { standaloneFileDiagnostics } from '../../server/src/fileValidation';
import { LspSession } from './lsp-session';
import { CORE_CATALOG, DOCS_POSTGRES_EXAMPLE, newUri } from './fixtures';

const TEXTS = {
  clean: DOCS_POSTGRES_EXAMPLE,
  schemaErrors: '{\n  "name": "pg",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "",\n    "port": "5432",\n    "colour": 1\n  }\n}\n',
  syntaxAndDuplicate: '{\n  "name": "a",\n  "name": "b",\n  "type": "postgresql",\n  "configuration": { "hostname": "h", }\n',
  unknownType: '{ "name": "x", "type": "no_such_type", "configuration": {} }\n',
  notAnObject: '[1, 2]\n',
};

describe('checking a file that is not open', () => {
  let session: LspSession;
  before(async () => {
    session = (await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 0 })).session;
  });
  after(() => session.stop());

  for (const [name, text] of Object.entries(TEXTS)) {
    test(`${name}: diagnoseText and the standalone checker equal what is published for the open file`, async () => {
      const published = await session.open(newUri(), text);
      const requested = await session.connection.sendRequest<Diagnostic[]>('polytomic/diagnoseText', { uri: newUri(), text });
      assert.deepEqual(requested, published);
      const standalone = await standaloneFileDiagnostics({ catalogDirs: [CORE_CATALOG] }).check(newUri(), text);
      assert.deepEqual(JSON.parse(JSON.stringify(standalone)), published);
      if (name !== 'clean') assert.ok(published.length > 0, 'the case has problems to compare');
    });
  }

  test('a request without a text answers no diagnostics instead of failing', async () => {
    assert.deepEqual(await session.connection.sendRequest('polytomic/diagnoseText', { uri: newUri() }), []);
  });
});
