import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorFromResponse, inUseMessage, parseErrorBody, summarizeText } from '../../core/src/api/errorResponse';
import { isPolytomicApiError } from '../../core/src/api/errors';

const ctx = { method: 'DELETE', path: '/api/connections/c1?force=false', action: 'delete the connection', subject: 'connection', subjectId: 'c1', profileName: 'staging' };

describe('error bodies', () => {
  test('reads the ApiError shape', () => {
    const parsed = parseErrorBody(JSON.stringify({ status: 404, message: 'connection not found', key: 'connections.not_found', metadata: {} }));
    assert.equal(parsed.message, 'connection not found');
    assert.equal(parsed.key, 'connections.not_found');
  });

  test('reads the RestErrResponse shape and the legacy {error: {message}}', () => {
    assert.equal(parseErrorBody('{"code":401,"error":"invalid token","status":"Unauthorized","context":{}}').message, 'invalid token');
    assert.equal(parseErrorBody('{"error":{"message":"bad thing"}}').message, 'bad thing');
  });

  test('falls back to an HTML page title, the page text, or trimmed text', () => {
    assert.equal(summarizeText('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'), '502 Bad Gateway');
    assert.equal(summarizeText('<html><body><h1>Service &amp; more</h1>\n<p>down</p></body></html>'), 'Service & more down');
    assert.equal(summarizeText('  plain\n text  '), 'plain text');
    assert.equal(summarizeText('x'.repeat(500))?.length, 200);
  });

  test('notices a JSON body that was cut off', () => {
    const parsed = parseErrorBody('{"status":500,"message":"internal', 'application/json');
    assert.equal(parsed.truncated, true);
    assert.equal(parsed.rawText, '{"status":500,"message":"internal');
  });

  test('reads dependents from metadata.used_by and from metadata as the list itself', () => {
    const used = [{ type: 'bulk_sync', name: 'Nightly', id: 'b1' }, { type: 'model', name: 'Users', id: 'm1' }];
    assert.deepEqual(parseErrorBody(JSON.stringify({ message: 'connection in use', metadata: { used_by: used } })).usedBy, used);
    assert.deepEqual(parseErrorBody(JSON.stringify({ message: 'connection in use', metadata: used })).usedBy, used);
  });

  test('reads field errors kept as a map or a list', () => {
    assert.deepEqual(parseErrorBody('{"message":"invalid","metadata":{"errors":{"hostname":"is required"}}}').fieldErrors, [{ field: 'hostname', message: 'is required' }]);
    assert.deepEqual(parseErrorBody('{"message":"invalid","metadata":{"fields":[{"field":"port","message":"must be an integer"}]}}').fieldErrors, [
      { field: 'port', message: 'must be an integer' },
    ]);
  });
});

describe('error messages', () => {
  test('a 422 in use lists the dependents as the UI shows them', () => {
    const body = JSON.stringify({ status: 422, message: 'connection in use', metadata: { used_by: [{ type: 'bulk_sync', name: 'Nightly', id: 'b1' }, { type: 'model', name: 'Users', id: 'm1' }] } });
    const error = errorFromResponse(422, body, 'application/json', ctx);
    assert.equal(error.kind, 'in_use');
    assert.equal(error.status, 422);
    assert.equal(error.message, 'Connection is used by 2 resources: bulk sync "Nightly", model "Users". Delete them first or force delete.');
    assert.equal(error.usedBy?.length, 2);
  });

  test('a 422 without dependents is a plain unprocessable error with the field errors', () => {
    const error = errorFromResponse(422, '{"message":"configuration is invalid","metadata":{"errors":{"hostname":"is required"}}}', undefined, { ...ctx, method: 'POST', action: 'create the connection' });
    assert.equal(error.kind, 'unprocessable');
    assert.match(error.message, /could not create the connection \(422\): configuration is invalid\. hostname: is required\./);
  });

  test('a 401 asks to re-enter the key of the named profile', () => {
    const error = errorFromResponse(401, '{"code":401,"error":"unauthorized"}', undefined, ctx);
    assert.equal(error.message, 'Polytomic rejected the API key (401): unauthorized. Re-enter the key for profile "staging".');
  });

  test('a 404 names the missing thing', () => {
    const error = errorFromResponse(404, '{"message":"not found"}', undefined, ctx);
    assert.equal(error.kind, 'not_found');
    assert.match(error.message, /^Polytomic has no connection "c1" \(404, DELETE \/api\/connections\/c1\?force=false\): not found\./);
  });

  test('many dependents are summarised', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ type: 'sync', name: `s${i}`, id: `${i}` }));
    assert.match(inUseMessage(many), /used by 7 resources: .*sync "s4", and 2 more\./);
  });
});

describe('recognising API errors', () => {
  test('an error thrown by another copy of the client (the lazily loaded dist/api.js) is still a PolytomicApiError', () => {
    const fromOtherCopy = Object.assign(new Error('Polytomic rejected the API key (401).'), { name: 'PolytomicApiError', kind: 'unauthorized' });
    assert.equal(isPolytomicApiError(fromOtherCopy), true);
    assert.equal(isPolytomicApiError(errorFromResponse(401, '{"message":"bad key"}', 'application/json', ctx)), true);
    assert.equal(isPolytomicApiError(new Error('not from the API')), false);
    assert.equal(isPolytomicApiError(Object.assign(new Error('x'), { name: 'PolytomicApiError' })), false, 'a kind is required');
  });
});
