// Unit tests of the name rule for literal secrets, the environment variable names suggested, and "did you mean".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envNameFor, isSecretName } from '../../server/src/util/secretNames';
import { nearest } from '../../server/src/util/nearest';
import { isReference } from '../../server/src/util/references';

test('plainly secret names, in any case and separator style', () => {
  const secret = ['password', 'passwd', 'secret', 'client_secret', 'clientSecret', 'token', 'access_token', 'api_key', 'apikey', 'API-KEY',
    'private_key', 'ssh_private_key', 'secret_access_key', 'aws_secret_access_key', 'passphrase', 'private_key_passphrase', 'oauth_refresh_token', 'service_principal_secret'];
  for (const name of secret) assert.equal(isSecretName(name), true, name);
});

test('names that merely mention a secret are not secrets', () => {
  const plain = ['username', 'user', 'token_endpoint', 'client_id', 'secret_id', 'access_key_id', 'aws_access_key_id', 'token_url', 'password_type', 'key', 'hostname', 'auth_style', 'api_field'];
  for (const name of plain) assert.equal(isSecretName(name), false, name);
});

test('environment variable names: upper snake case of the type and the keys', () => {
  assert.equal(envNameFor('postgresql', ['password']), 'POSTGRESQL_PASSWORD');
  assert.equal(envNameFor('api', ['auth', 'oauth', 'client_secret']), 'API_AUTH_OAUTH_CLIENT_SECRET');
  assert.equal(envNameFor('zendesk_support', ['apiToken']), 'ZENDESK_SUPPORT_API_TOKEN');
  assert.equal(envNameFor(undefined, ['9lives']), '_9LIVES');
});

test('references: ${env:NAME} and ${secret:NAME} only, with a valid name', () => {
  for (const ok of ['${env:PG_PASSWORD}', '${secret:prod.db-password}', '${env:_X}']) assert.equal(isReference(ok), true, ok);
  for (const bad of ['${env:}', '${env:9X}', '${vault:X}', 'x${env:X}', '${env:X} ', '$env:X', '${env:X Y}']) assert.equal(isReference(bad), false, bad);
});

test('did you mean: the nearest plausible candidate, or nothing', () => {
  const types = ['postgresql', 'mysql', 'mssql', 'snowflake', 'api', 's3'];
  assert.equal(nearest('postgress', types), 'postgresql');
  assert.equal(nearest('postgres', types), 'postgresql');
  assert.equal(nearest('snowflak', types), 'snowflake');
  assert.equal(nearest('mysq', types), 'mysql');
  assert.equal(nearest('apii', types), 'api');
  assert.equal(nearest('salesforce', types), undefined);
  assert.equal(nearest('hostnme', ['hostname', 'port']), 'hostname');
});
