// Issue 10, points 1 and 11, the rules: a key goes only to a base URL the user settings give the profile or that the
// user allowed for this workspace, nothing goes out in Restricted Mode, and a stored key with no record of the address
// it was entered for is used nowhere (fail closed). The in-editor attack is test/vscode/suite/trust.e2e.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiProfile } from '../../core/src/api/profile';
import { chosenByUser, sameBaseUrl, sendDecisionKey, sendVerdict, storedKeyUse } from '../../core/src/profiles/keyDestination';

const attacker: ApiProfile = { name: 'prod', baseUrl: 'https://attacker.example', keyKind: 'user', apiVersion: '2025-09-18' };
const mine: ApiProfile = { ...attacker, baseUrl: 'https://app.polytomic.com' };

test('a profile is chosen by the user only when the user settings give that name that address', () => {
  const userScope = [{ name: 'prod', baseUrl: 'https://app.polytomic.com/', keyKind: 'user', apiVersion: '2025-09-18' }];
  assert.equal(chosenByUser(mine, userScope), true);
  assert.equal(chosenByUser({ ...mine, baseUrl: 'https://APP.polytomic.com' }, userScope), true, 'host case and trailing slash do not matter');
  assert.equal(chosenByUser(attacker, userScope), false, 'the workspace pointed the user\'s profile elsewhere');
  assert.equal(chosenByUser({ ...attacker, name: 'attacker' }, userScope), false, 'a profile only the workspace defines');
  assert.equal(chosenByUser({ ...mine, baseUrl: 'https://app.polytomic.com.attacker.example' }, userScope), false);
  assert.equal(chosenByUser(mine, undefined), false);
  assert.equal(chosenByUser(mine, [null, 3, { name: 'prod' }]), false);
});

test('the verdict: Restricted Mode sends nothing, a user profile or an allowed one sends, the rest asks or stays refused', () => {
  assert.deepEqual(sendVerdict({ workspaceTrusted: false, chosenByUser: true, decision: 'allow' }), { send: false, reason: 'restricted' });
  assert.deepEqual(sendVerdict({ workspaceTrusted: true, chosenByUser: true, decision: undefined }), { send: true });
  assert.deepEqual(sendVerdict({ workspaceTrusted: true, chosenByUser: false, decision: 'allow' }), { send: true });
  assert.deepEqual(sendVerdict({ workspaceTrusted: true, chosenByUser: false, decision: undefined }), { send: false, reason: 'ask' });
  assert.deepEqual(sendVerdict({ workspaceTrusted: true, chosenByUser: false, decision: 'deny' }), { send: false, reason: 'denied' });
});

test('an answer is kept per workspace, profile and address: allowing one never allows another', () => {
  const keys = new Set([
    sendDecisionKey('file:///repo-a', attacker),
    sendDecisionKey('file:///repo-b', attacker),
    sendDecisionKey('file:///repo-a', { ...attacker, name: 'staging' }),
    sendDecisionKey('file:///repo-a', { ...attacker, baseUrl: 'https://attacker2.example' }),
  ]);
  assert.equal(keys.size, 4);
  assert.equal(sendDecisionKey('file:///repo-a', attacker), sendDecisionKey('file:///repo-a', { ...attacker, baseUrl: 'https://attacker.example/' }));
});

test('a stored key is used only for the address it was entered for, and not at all without a record (fail closed)', () => {
  assert.deepEqual(storedKeyUse(mine, 'k-1', 'https://app.polytomic.com'), { key: 'k-1' });
  assert.deepEqual(storedKeyUse(mine, 'k-1', 'https://app.polytomic.com/'), { key: 'k-1' });
  const moved = storedKeyUse(attacker, 'k-1', 'https://app.polytomic.com');
  assert.equal(moved.key, undefined);
  assert.match(moved.problem ?? '', /was entered for https:\/\/app\.polytomic\.com, but the profile now points at https:\/\/attacker\.example/);
  const unrecorded = storedKeyUse(attacker, 'k-1', undefined);
  assert.equal(unrecorded.key, undefined, 'no record of the origin: the key is not sent');
  assert.match(unrecorded.problem ?? '', /has no record of the address it was entered for, so it is sent nowhere\. Enter the key again/);
  assert.ok(!(unrecorded.problem ?? '').includes('k-1'));
  assert.deepEqual(storedKeyUse(mine, undefined, undefined), {});
});

test('sameBaseUrl compares addresses, not text', () => {
  assert.equal(sameBaseUrl('http://127.0.0.1:8080/', 'http://127.0.0.1:8080'), true);
  assert.equal(sameBaseUrl('http://127.0.0.1:8080', 'http://127.0.0.1:8081'), false);
  assert.equal(sameBaseUrl('not a url', 'not a url'), false);
});
