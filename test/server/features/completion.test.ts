import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import type { CompletionItem, TextEdit } from 'vscode-languageserver/node';
import { InsertTextFormat } from 'vscode-languageserver/node';
import { completion } from '../../../server/src/features/completion';
import { SkeletonCache } from '../../../server/src/features/skeletonCache';
import { applyEdit, caret, documentOf } from './caret';
import { FIXTURE_CATALOG, TestCatalog } from './testCatalog';

const catalog = new TestCatalog([FIXTURE_CATALOG]);
const skeletons = new SkeletonCache(catalog);
const plain = { snippetSupport: false };
const snippets = { snippetSupport: true };

function complete(marked: string, settings = plain) {
  const { text, offset } = caret(marked);
  const document = documentOf(text);
  const items = completion(document, offset, catalog, skeletons, settings).items;
  const byLabel = (label: string): CompletionItem => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no item ${label} among ${items.map((i) => i.label).join(', ')}`);
    return item;
  };
  const inserted = (label: string) => applyEdit(document, byLabel(label).textEdit as TextEdit);
  return { items, labels: items.map((i) => i.label), byLabel, inserted };
}

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));

describe('key completion', () => {
  test('inside configuration of postgresql: the type schema keys, required first, without read-only or internal ones', () => {
    const { items, labels } = complete('{ "name": "pg", "type": "postgresql", "configuration": { | } }');
    assert.deepEqual(
      sorted(items).map((i) => i.label),
      ['hostname', 'username', 'password', 'database', 'port', 'ssl', 'ssl_mode', 'ssh_private_key', 'oauth_refresh_token'],
    );
    for (const hiddenOrReadOnly of ['connected_user', 'server_version', 'internal_state']) assert.ok(!labels.includes(hiddenOrReadOnly));
  });

  test('items show the title and say required and sensitive', () => {
    const { byLabel } = complete('{ "type": "postgresql", "configuration": { | } }');
    assert.equal(byLabel('hostname').labelDetails?.description, 'Hostname');
    assert.match(byLabel('hostname').detail ?? '', /required/);
    assert.match(byLabel('password').detail ?? '', /sensitive/);
    assert.match(String((byLabel('hostname').documentation as { value: string }).value), /Where the database listens/);
  });

  test('keys already present are not offered again', () => {
    const { labels } = complete('{ "type": "postgresql", "configuration": { "hostname": "h", "port": 1, | } }');
    assert.ok(!labels.includes('hostname'));
    assert.ok(!labels.includes('port'));
    assert.ok(labels.includes('username'));
  });

  test('inserting a key writes the default, the first allowed value, a placeholder or an env reference for a secret', () => {
    const marked = '{ "type": "postgresql", "configuration": { | } }';
    assert.equal(complete(marked).inserted('port'), '{ "type": "postgresql", "configuration": { "port": 5432 } }');
    assert.equal(complete(marked).inserted('ssl_mode'), '{ "type": "postgresql", "configuration": { "ssl_mode": "require" } }');
    assert.equal(complete(marked).inserted('hostname'), '{ "type": "postgresql", "configuration": { "hostname": "" } }');
    assert.equal(complete(marked).inserted('password'), '{ "type": "postgresql", "configuration": { "password": "${env:POSTGRESQL_PASSWORD}" } }');
  });

  test('snippet insert texts select the value, and a secret defaults to an ${env:NAME} placeholder', () => {
    const marked = '{ "type": "postgresql", "configuration": { | } }';
    const port = complete(marked, snippets).byLabel('port');
    assert.equal(port.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal((port.textEdit as TextEdit).newText, '"port": ${1:5432}');
    assert.equal((complete(marked, snippets).byLabel('password').textEdit as TextEdit).newText, '"password": "\\${env:${1:POSTGRESQL_PASSWORD}\\}"');
    assert.equal((complete(marked, snippets).byLabel('hostname').textEdit as TextEdit).newText, '"hostname": "$1"');
  });

  test('a field with allowed values inserts them as a snippet choice, the default first', () => {
    const ssl = complete('{ "type": "postgresql", "configuration": { | } }', snippets).byLabel('ssl_mode');
    assert.equal((ssl.textEdit as TextEdit).newText, '"ssl_mode": "${1|require,verify-full,disable|}"');
    const auth = complete('{ "type": "warehouse", "configuration": { | } }', snippets).byLabel('auth_mode');
    assert.equal((auth.textEdit as TextEdit).newText, '"auth_mode": "${1|access_key,iam_role|}"');
  });

  test('the partly typed key, with its quotes, is replaced', () => {
    assert.equal(complete('{ "type": "postgresql", "configuration": { "hos| } }').inserted('hostname'), '{ "type": "postgresql", "configuration": { "hostname": "" } }');
    assert.equal(complete('{ "type": "postgresql", "configuration": { "|" } }').inserted('port'), '{ "type": "postgresql", "configuration": { "port": 5432 } }');
    assert.equal(complete('{ "type": "postgresql", "configuration": { hos| } }').inserted('hostname'), '{ "type": "postgresql", "configuration": { "hostname": "" } }');
  });

  test('a comma is added when a property follows, and only the key is replaced when a value is there already', () => {
    const withFollower = complete('{ "type": "postgresql", "configuration": {\n  |\n  "hostname": "h"\n} }').inserted('port');
    assert.equal(withFollower, '{ "type": "postgresql", "configuration": {\n  "port": 5432,\n  "hostname": "h"\n} }');
    const keyOnly = complete('{ "type": "postgresql", "configuration": { "databa|": "x" } }').inserted('database');
    assert.equal(keyOnly, '{ "type": "postgresql", "configuration": { "database": "x" } }');
  });

  test('the top level offers the envelope keys', () => {
    const { labels } = complete('{ "name": "x", | }');
    assert.ok(labels.includes('type') && labels.includes('configuration') && labels.includes('validate'));
    assert.ok(!labels.includes('name'));
    assert.ok(!labels.includes('id'), 'the id is written back after a create, never typed');
  });

  test('nested objects and array items use properties and items', () => {
    assert.deepEqual(complete('{ "type": "apiish", "configuration": { "auth": { "basic": { | } } } }').labels.sort(), ['password', 'username']);
    assert.deepEqual(complete('{ "type": "apiish", "configuration": { "headers": [ { | } ] } }').labels.sort(), ['name', 'value']);
  });

  test('a nested field whose name plainly holds a secret is treated as sensitive though the schema does not flag it', () => {
    const { byLabel, inserted } = complete('{ "type": "apiish", "configuration": { "auth": { "basic": { | } } } }');
    assert.match(byLabel('password').detail ?? '', /sensitive/);
    assert.ok(!/sensitive/.test(byLabel('username').detail ?? ''));
    assert.ok(inserted('password').includes('"password": "${env:APIISH_AUTH_BASIC_PASSWORD}"'));
  });

  test('no keys for an unknown type, and nothing inside a comment', () => {
    assert.deepEqual(complete('{ "type": "nope", "configuration": { | } }').labels, []);
    assert.deepEqual(complete('{ "type": "postgresql", "configuration": { // hos|\n } }').labels, []);
  });
});

describe('branches', () => {
  const keysFor = (configuration: string) => complete(`{ "type": "warehouse", "configuration": { ${configuration} } }`).labels;

  test('an if/then/else on auth_mode offers the union while auth_mode is absent', () => {
    const labels = keysFor('|');
    for (const key of ['auth_mode', 'region', 'staging', 'access_key_id', 'secret_access_key', 'iam_role_arn']) assert.ok(labels.includes(key), key);
  });

  test('the branch matching auth_mode is chosen once it is set', () => {
    const access = keysFor('"auth_mode": "access_key", |');
    assert.ok(access.includes('access_key_id') && !access.includes('iam_role_arn'));
    const role = keysFor('"auth_mode": "iam_role", |');
    assert.ok(role.includes('iam_role_arn') && !role.includes('access_key_id'));
  });

  test('oneOf branches: the union while undecided, the matching one after the discriminator', () => {
    const undecided = keysFor('|');
    assert.ok(undecided.includes('delimiter') && undecided.includes('compression') && undecided.includes('format'));
    const parquet = keysFor('"format": "parquet", |');
    assert.ok(parquet.includes('compression') && !parquet.includes('delimiter'));
  });

  test('$ref into $defs: keys of a referenced object and values of a referenced enum', () => {
    assert.deepEqual(complete('{ "type": "warehouse", "configuration": { "staging": { | } } }').labels.sort(), ['key_id', 'key_secret']);
    assert.deepEqual(complete('{ "type": "warehouse", "configuration": { "region": | } }').labels, ['"us-east-1"', '"eu-west-1"']);
  });

  test('values of a field that only a branch declares', () => {
    assert.deepEqual(complete('{ "type": "warehouse", "configuration": { "format": "parquet", "compression": "|" } }').labels, ['"snappy"', '"gzip"']);
  });
});

describe('value completion', () => {
  test('enum values insert the value and show the label', () => {
    const { items, byLabel, inserted } = complete('{ "type": "postgresql", "configuration": { "ssl_mode": | } }');
    assert.deepEqual(
      items.map((i) => i.label),
      ['"require"', '"verify-full"', '"disable"'],
    );
    assert.equal(byLabel('"verify-full"').detail, 'Verify the certificate');
    assert.equal(byLabel('"verify-full"').labelDetails?.description, 'Verify the certificate');
    assert.equal(inserted('"disable"'), '{ "type": "postgresql", "configuration": { "ssl_mode": "disable" } }');
  });

  test('booleans and the default', () => {
    const { labels, byLabel } = complete('{ "type": "postgresql", "configuration": { "ssl": | } }');
    assert.deepEqual(labels, ['true', 'false']);
    assert.equal(byLabel('true').detail, 'default');
  });

  test('default and examples of a number', () => {
    const { labels } = complete('{ "type": "postgresql", "configuration": { "port": 54| } }');
    assert.deepEqual(labels, ['5432']);
  });

  test('secrets are offered as ${env:} and ${secret:} references', () => {
    const { labels } = complete('{ "type": "postgresql", "configuration": { "password": "|" } }');
    assert.deepEqual(labels, ['"${env:POSTGRESQL_PASSWORD}"', '"${secret:POSTGRESQL_PASSWORD}"']);
  });

  test('a comma is added when another property follows the value', () => {
    const text = complete('{ "type": "postgresql", "configuration": {\n "ssl": |\n "port": 1 } }').inserted('false');
    assert.equal(text, '{ "type": "postgresql", "configuration": {\n "ssl": false,\n "port": 1 } }');
  });

  test('in an array, values come from the item schema', () => {
    const { labels, inserted } = complete('{ "type": "apiish", "configuration": { "headers": [ | ] } }');
    assert.deepEqual(labels, ['{}']);
    assert.equal(inserted('{}'), '{ "type": "apiish", "configuration": { "headers": [ {} ] } }');
    assert.deepEqual(complete('{ "type": "warehouse", "configuration": { "region": "eu-west-1", "staging": { "key_id": "|" } } }').labels, []);
  });

  test('`type` offers every type with its display name', () => {
    const { items, inserted } = complete('{ "name": "n", "type": "|" }');
    assert.deepEqual(items.map((i) => i.label).sort(), ['"apiish"', '"postgresql"', '"warehouse"']);
    assert.equal(items.find((i) => i.label === '"warehouse"')?.detail, 'Branching Warehouse');
    assert.deepEqual(
      sorted(items).map((i) => i.detail),
      ['Branching Warehouse', 'HTTP API (fixture)', 'PostgreSQL'],
    );
    assert.equal(inserted('"postgresql"'), '{ "name": "n", "type": "postgresql" }');
  });

  test('right after the colon the value comes with a space', () => {
    assert.equal(complete('{"type":|}').inserted('"postgresql"'), '{"type": "postgresql"}');
    assert.equal(complete('{"type":"postgresql","configuration":{"ssl":|}}').inserted('false'), '{"type":"postgresql","configuration":{"ssl": false}}');
  });
});

describe('broken documents', () => {
  test('an unterminated document still gets keys of the type', () => {
    const { labels } = complete('{\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "h",\n    "|');
    assert.ok(labels.includes('port') && !labels.includes('hostname'));
  });

  test('a value being typed in a document without closing braces', () => {
    const { labels } = complete('{ "type": "postgresql", "configuration": { "ssl_mode": "ver|');
    assert.ok(labels.includes('"verify-full"'));
  });

  test('a key typed on the line after a member without its comma: the comma is added after that member', () => {
    const { text, offset } = caret('{ "type": "postgresql", "configuration": {\n  "port": 1 // the port\n  "ho|\n} }');
    const document = documentOf(text);
    const item = completion(document, offset, catalog, skeletons, plain).items.find((i) => i.label === 'hostname');
    assert.ok(item?.additionalTextEdits);
    const edits = [item.textEdit as TextEdit, ...item.additionalTextEdits].map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText }));
    let result = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    assert.equal(result, '{ "type": "postgresql", "configuration": {\n  "port": 1, // the port\n  "hostname": ""\n} }');
    assert.ok(complete('{ "type": "postgresql" "configuration": { | } }').labels.includes('hostname'));
  });

  test('comments between members are looked past: no comma is added where one is', () => {
    const afterComma = complete('{ "type": "postgresql", "configuration": { "port": 1, // note\n | } }').byLabel('hostname');
    assert.equal(afterComma.additionalTextEdits, undefined);
    const afterOpen = complete('{ "type": "postgresql", "configuration": { /* first */ | } }').byLabel('hostname');
    assert.equal(afterOpen.additionalTextEdits, undefined);
  });

  test('type completion in a document that ends after the colon', () => {
    assert.ok(complete('{ "type": |').labels.includes('"postgresql"'));
  });
});

describe('skeleton completion', () => {
  test('an empty document offers a new connection per type, inserting a valid skeleton', () => {
    const { byLabel, inserted } = complete('|');
    const item = byLabel('New PostgreSQL connection');
    assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
    const value = parse(inserted('New PostgreSQL connection'));
    assert.equal(value.type, 'postgresql');
    assert.deepEqual(Object.keys(value.configuration).sort(), ['database', 'hostname', 'password', 'port', 'username']);
  });

  test('an empty top-level object offers skeletons too, replacing the object', () => {
    const { inserted, labels } = complete('{ | }');
    assert.ok(labels.includes('name'));
    const value = parse(inserted('New Branching Warehouse connection'));
    assert.equal(value.type, 'warehouse');
  });
});
