// The PolytomicApiError a call rejects with; fails the test if the call succeeds or rejects with anything else.
import assert from 'node:assert/strict';
import { PolytomicApiError } from '../../../core/src/api/errors';

export async function apiError(call: Promise<unknown>): Promise<PolytomicApiError> {
  try {
    await call;
  } catch (err) {
    assert.ok(err instanceof PolytomicApiError, `expected a PolytomicApiError, got ${String(err)}`);
    return err;
  }
  assert.fail('the call succeeded');
}
