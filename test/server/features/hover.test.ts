import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import { caret, documentOf } from './caret';
import { FIXTURE_CATALOG, TestCatalog } from './testCatalog';

const catalog = new TestCatalog([FIXTURE_CATALOG]);

function hoverText(marked: string): string | undefined {
  const { text, offset } = caret(marked);
  const result = hover(documentOf(text), offset, catalog);
  return result ? (result.contents as { value: string }).value : undefined;
}

describe('hover', () => {
  test('a key shows title, description, type, default, and whether it is required', () => {
    const text = hoverText('{ "type": "postgresql", "configuration": { "po|rt": 1, "hostname": "h" } }');
    assert.ok(text);
    assert.match(text, /\*\*Port\*\* `port`/);
    assert.match(text, /Type: `integer`/);
    assert.match(text, /Default: `5432`/);
    assert.match(text, /Required\./);
    const hostname = hoverText('{ "type": "postgresql", "configuration": { "hostname": "h|" } }') ?? '';
    assert.match(hostname, /Where the database listens\./);
  });

  test('a sensitive field says so and suggests an env reference', () => {
    const text = hoverText('{ "type": "postgresql", "configuration": { "pass|word": "" } }') ?? '';
    assert.match(text, /Sensitive/);
    assert.ok(text.includes('${env:POSTGRESQL_PASSWORD}'));
  });

  test('allowed values are listed with their labels, and a value shows its own label', () => {
    const onKey = hoverText('{ "type": "postgresql", "configuration": { "ssl_m|ode": "disable" } }') ?? '';
    assert.match(onKey, /- `"verify-full"` Verify the certificate/);
    assert.match(onKey, /Optional\./);
    const onValue = hoverText('{ "type": "postgresql", "configuration": { "ssl_mode": "disa|ble" } }') ?? '';
    assert.ok(onValue.startsWith('`"disable"`: No TLS'), onValue);
  });

  test('read-only and hidden fields are described as such', () => {
    assert.match(hoverText('{ "type": "postgresql", "configuration": { "connected_u|ser": "" } }') ?? '', /Read-only/);
    assert.match(hoverText('{ "type": "postgresql", "configuration": { "oauth_refresh_t|oken": "" } }') ?? '', /settable through the API/);
  });

  test('the type value shows the display name; configuration names the type', () => {
    assert.match(hoverText('{ "type": "postgr|esql" }') ?? '', /\*\*PostgreSQL\*\* `postgresql`/);
    assert.match(hoverText('{ "type": "nop|e" }') ?? '', /Unknown connection type `nope`/);
    assert.match(hoverText('{ "type": "postgresql", "configur|ation": {} }') ?? '', /fields of a \*\*PostgreSQL\*\* connection/);
  });

  test('fields of a branch chosen by the document, and of $ref targets', () => {
    assert.match(hoverText('{ "type": "warehouse", "configuration": { "auth_mode": "iam_role", "iam_ro|le_arn": "" } }') ?? '', /IAM role ARN/);
    assert.match(hoverText('{ "type": "warehouse", "configuration": { "reg|ion": "" } }') ?? '', /- `"eu-west-1"`/);
  });

  test('nothing for unknown fields or between members', () => {
    assert.equal(hoverText('{ "type": "postgresql", "configuration": { "nop|e": 1 } }'), undefined);
    assert.equal(hoverText('{ "type": "postgresql", "configuration": { "port": 1, | "ssl": true } }'), undefined);
  });
});
