// Diagnostics over a real LSP connection to dist/server.js: messages, severities, codes and exact ranges.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspSession } from './lsp-session';
import { withMarkers } from './markers';
import { CORE_CATALOG, DOCS_API_EXAMPLE, DOCS_POSTGRES_EXAMPLE, newUri } from './fixtures';

/** LSP 3.18 allows markup in a diagnostic's message; the server sends plain strings. */
function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

type Expected = { code: string; severity: DiagnosticSeverity; message?: string | RegExp };

/** Asserts the diagnostics are exactly the expected ones, the i-th on the i-th marked range (sorted by position). */
function assertDiagnostics(actual: Diagnostic[], ranges: ReturnType<typeof withMarkers>['ranges'], expected: Expected[]): void {
  const byPosition = [...actual].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const summary = JSON.stringify(byPosition.map((d) => [d.code, d.message, d.range]), null, 1);
  assert.equal(byPosition.length, expected.length, `expected ${expected.length} diagnostics, got: ${summary}`);
  expected.forEach((want, i) => {
    const got = byPosition[i];
    assert.equal(got.code, want.code, summary);
    assert.equal(got.severity, want.severity, `severity of ${got.code}`);
    assert.equal(got.source, 'polytomic');
    assert.deepEqual(got.range, ranges[i], `range of ${got.code}: ${got.message}`);
    if (typeof want.message === 'string') assert.equal(messageOf(got), want.message);
    else if (want.message) assert.match(messageOf(got), want.message);
  });
}

describe('diagnostics', () => {
  let session: LspSession;
  before(async () => {
    session = (await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 0 })).session;
  });
  after(() => session.stop());

  test('the two examples of the docs come out clean with the fixture catalog', async () => {
    assert.deepEqual(await session.open(newUri(), DOCS_API_EXAMPLE), []);
    assert.deepEqual(await session.open(newUri(), DOCS_POSTGRES_EXAMPLE), []);
  });

  test('each schema error on the smallest range that explains it, in plain words', async () => {
    const { text, ranges } = withMarkers(`{
  "name": "Warehouse",
  "type": "warehouse",
  «"configuration"»: {
    «"hostnme"»: "db.example.com",
    "port": «"5439"»,
    "auth_mode": «"access_key"»,
    "region": "us-east-1",
    "contact": «"not-an-email"»,
    «"aws_user"»: "someone",
    "api_key": «"sk_live_123"»,
    "token_endpoint": "https://example.com/token",
    "client_id": "abc",
    "internal_state": "x"
  }
}`);
    const diagnostics = await session.open(newUri(), text);
    assertDiagnostics(diagnostics, ranges, [
      { code: 'missing-required', severity: DiagnosticSeverity.Error, message: 'missing required field `hostname` in `configuration`' },
      { code: 'unknown-field', severity: DiagnosticSeverity.Warning, message: 'unknown field `hostnme` in `configuration` (did you mean `hostname`?)' },
      { code: 'wrong-type', severity: DiagnosticSeverity.Error, message: '`port` must be an integer' },
      {
        code: 'enum',
        severity: DiagnosticSeverity.Error,
        message: '`auth_mode` must be one of: access_key_and_secret (Access key and secret), iam_role (IAM role)',
      },
      { code: 'format', severity: DiagnosticSeverity.Error, message: '`contact` must be an email address' },
      { code: 'read-only', severity: DiagnosticSeverity.Warning, message: '`aws_user` is read-only: the server fills it in; remove it' },
      { code: 'literal-secret', severity: DiagnosticSeverity.Warning, message: /\$\{env:WAREHOUSE_API_KEY\}/ },
    ]);
    assert.ok(!diagnostics.some((d) => messageOf(d).includes('sk_live_123')), 'no message echoes the secret');
    assert.deepEqual(diagnostics.find((d) => d.code === 'unknown-field')?.data, { suggestion: 'hostname' });
  });

  test('${env:} and ${secret:} references are valid wherever a string is, and only there', async () => {
    const { text, ranges } = withMarkers(`{
  "name": "Warehouse",
  "type": "warehouse",
  "configuration": {
    "hostname": "\${secret:WAREHOUSE_HOST}",
    "auth_mode": "\${env:AUTH_MODE}",
    "region": "\${env:REGION}",
    "contact": "\${secret:contact.email}",
    "api_key": "\${env:WAREHOUSE_API_KEY}",
    "port": «"\${env:PORT}"»
  }
}`);
    assertDiagnostics(await session.open(newUri(), text), ranges, [
      { code: 'wrong-type', severity: DiagnosticSeverity.Error, message: '`port` must be an integer' },
    ]);
  });

  test('secrets by name at any depth; empty strings, ids and endpoints are not secrets', async () => {
    const { text, ranges } = withMarkers(`{
  "name": "API",
  "type": "api",
  "configuration": {
    "url": "https://example.com",
    "auth": {
      "basic": { "username": "me", "password": «"hunter2"» },
      "oauth": { "client_id": "id", "client_secret": «"s3cret"», "token_endpoint": "https://example.com/token" }
    },
    "headers": [{ "name": "X-Trace", "value": "on" }, { "name": "Authorization", "value": «"Bearer abc"» }, { "name": "X-Api-Key", "value": «"k"» }]
  }
}`);
    const diagnostics = await session.open(newUri(), text);
    assertDiagnostics(diagnostics, ranges, [
      { code: 'literal-secret', severity: DiagnosticSeverity.Warning, message: /`password` holds a literal secret.*\$\{env:API_AUTH_BASIC_PASSWORD\}/ },
      { code: 'literal-secret', severity: DiagnosticSeverity.Warning, message: /`client_secret`.*\$\{env:API_AUTH_OAUTH_CLIENT_SECRET\}/ },
      { code: 'literal-secret', severity: DiagnosticSeverity.Warning, message: /`value`.*\$\{env:API_HEADERS_AUTHORIZATION\}/ },
      { code: 'literal-secret', severity: DiagnosticSeverity.Warning, message: /`value`.*\$\{env:API_HEADERS_X_API_KEY\}/ },
    ]);
    const empty = `{"name": "x", "type": "postgresql", "configuration": {"hostname": "h", "username": "u", "password": "", "database": "d", "port": 1}}`;
    // An empty password is no literal secret; being required, it is a blank to fill in.
    assert.deepEqual((await session.open(newUri(), empty)).map((d) => d.code), ['empty-required']);
  });

  test('a syntax error at its exact position, and the rest of the file still checked', async () => {
    const { text, ranges } = withMarkers(`{
  "name": "Broken"
  «"type"»: "postgresql",
  "configuration": { "hostname": "h", "username": "u", "password": "\${env:P}", "database": "d", "port": «"x"» }
}`);
    assertDiagnostics(await session.open(newUri(), text), ranges, [
      { code: 'syntax', severity: DiagnosticSeverity.Error, message: 'expected a comma (,) before this' },
      { code: 'wrong-type', severity: DiagnosticSeverity.Error, message: '`port` must be an integer' },
    ]);
  });

  test('an unclosed document reports where it ends', async () => {
    const { text, ranges } = withMarkers(`{ "name": "x", "type": "api", "configuration": { "url": "https://example.com" }«»`);
    assertDiagnostics(await session.open(newUri(), text), ranges, [
      { code: 'syntax', severity: DiagnosticSeverity.Error, message: 'expected a closing brace (})' },
    ]);
  });

  test('duplicate keys are reported on the repeated key', async () => {
    const { text, ranges } = withMarkers(`{
  "name": "first",
  «"name"»: "second",
  "type": "api",
  "configuration": { "url": "https://example.com" }
}`);
    assertDiagnostics(await session.open(newUri(), text), ranges, [
      { code: 'duplicate-key', severity: DiagnosticSeverity.Warning, message: 'duplicate key `name`: it is already set on line 2; only the last one counts' },
    ]);
  });

  test('an unknown type is one error on the type, with the nearest known id, and no wall of errors', async () => {
    const { text, ranges } = withMarkers(`{ "name": "x", "type": «"postgress"», "configuration": { "nonsense": 1 } }`);
    const diagnostics = await session.open(newUri(), text);
    assertDiagnostics(diagnostics, ranges, [
      { code: 'unknown-type', severity: DiagnosticSeverity.Error, message: 'unknown connection type `postgress` (did you mean `postgresql`?)' },
    ]);
    assert.deepEqual(diagnostics[0].data, { suggestion: 'postgresql' });
  });

  test('a known type without a usable schema gets one information diagnostic that says why', async () => {
    for (const type of ['ghost', 'broken']) {
      const { text, ranges } = withMarkers(`{ "name": "x", "type": «"${type}"», "configuration": { "anything": true } }`);
      assertDiagnostics(await session.open(newUri(), text), ranges, [
        { code: 'no-schema', severity: DiagnosticSeverity.Information, message: new RegExp(`no schema is available for connection type \`${type}\`.*${type}\\.json`) },
      ]);
    }
  });

  test('errors come from the branch the user meant, without "must match exactly one schema"', async () => {
    const cases = [
      { body: `"auth_mode": "role"`, message: 'missing required field `role_arn` in `configuration`' },
      { body: `"auth_mode": "access_key", "access_key_id": "AKIA"`, message: 'missing required field `secret_key` in `configuration`' },
    ];
    for (const { body, message } of cases) {
      const { text, ranges } = withMarkers(`{ "name": "x", "type": "branchy", «"configuration"»: { ${body} } }`);
      assertDiagnostics(await session.open(newUri(), text), ranges, [{ code: 'missing-required', severity: DiagnosticSeverity.Error, message }]);
    }
    const { text, ranges } = withMarkers(`{ "name": "x", "type": "branchy", "configuration": { "auth_mode": «"token"» } }`);
    assertDiagnostics(await session.open(newUri(), text), ranges, [
      { code: 'enum', severity: DiagnosticSeverity.Error, message: '`auth_mode` must be one of: access_key, role' },
    ]);
  });

  test('envelope errors: missing fields on the root, unknown top-level keys with a suggestion', async () => {
    const { text, ranges } = withMarkers(`«{»
  "name": "x",
  «"typ"»: "api"
}`);
    // Both missing fields are reported on the root's opening brace (the root has no key).
    assertDiagnostics(await session.open(newUri(), text), [ranges[0], ...ranges], [
      { code: 'missing-required', severity: DiagnosticSeverity.Error, message: 'missing required field `type` in the connection' },
      { code: 'missing-required', severity: DiagnosticSeverity.Error, message: 'missing required field `configuration` in the connection' },
      { code: 'unknown-field', severity: DiagnosticSeverity.Warning, message: 'unknown field `typ` in the connection (did you mean `type`?)' },
    ]);
  });

  test('a document over 5 MB gets one information diagnostic saying why it is not checked', async () => {
    const big = `{ "name": "big", "type": "nope", "configuration": { "blob": "${'x'.repeat(5 * 1024 * 1024)}" } }`;
    const diagnostics = await session.open(newUri(), big);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'too-large');
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(messageOf(diagnostics[0]), /5\.0 MB.*not checked/);
  });

  test('a document over 5 MB gets no outline or folding either (they would take seconds)', async () => {
    const uri = newUri();
    await session.open(uri, `{ "name": "big", "type": "api", "configuration": { "body": "${'\\n'.repeat(3 * 1024 * 1024)}" } }`);
    const textDocument = { uri };
    assert.deepEqual(await session.connection.sendRequest('textDocument/documentSymbol', { textDocument }), []);
    assert.deepEqual(await session.connection.sendRequest('textDocument/foldingRange', { textDocument }), []);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = newUri();
    assert.equal((await session.open(uri, '{ "name": 1 }')).length > 0, true);
    const cleared = session.nextDiagnostics(uri);
    await session.close(uri);
    assert.deepEqual(await cleared, []);
  });
});

describe('diagnostics with the bundled catalog only', () => {
  test('the two examples of the docs come out clean', async () => {
    const { session } = await LspSession.start({ debounceMs: 0 });
    try {
      assert.deepEqual(await session.open(newUri(), DOCS_API_EXAMPLE), []);
      assert.deepEqual(await session.open(newUri(), DOCS_POSTGRES_EXAMPLE), []);
    } finally {
      await session.stop();
    }
  });
});

describe('debouncing', () => {
  test('rapid edits publish diagnostics for the latest version only', async () => {
    const { session } = await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 400 });
    try {
      const uri = newUri();
      await session.open(uri, '{ "name": 1 }'); // checked at once: the debounce is for typing
      for (let i = 2; i <= 5; i++) void session.change(uri, `{ "name": ${i} }`);
      const last = await session.diagnosticsFor(uri, 5);
      assert.equal(last.filter((d) => d.code === 'wrong-type').length, 1);
      assert.deepEqual(session.publications.get(uri), [1, 5]);
    } finally {
      await session.stop();
    }
  });
});
