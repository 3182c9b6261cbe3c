// Issue 10, point 6: the auth_url Polytomic returns for an OAuth connection is opened in the browser only when it is
// https://; anything else (command:, file:, vscode:, javascript:, plain http) is refused with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpsOnly } from '../../client/src/externalUrl';

test('an https:// authorization page is opened', () => {
  assert.deepEqual(httpsOnly('https://accounts.example.com/o/oauth2/auth?client_id=1&state=x'), {
    url: 'https://accounts.example.com/o/oauth2/auth?client_id=1&state=x',
  });
});

test('every other scheme from the server is refused, and says which it was', () => {
  const refused = [
    'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D',
    'file:///etc/passwd',
    'vscode://vscode.git/clone?url=https://attacker.example/repo',
    'javascript:alert(1)',
    'http://accounts.example.com/auth',
    'ftp://files.example.com/',
  ];
  for (const url of refused) {
    const check = httpsOnly(url);
    assert.ok('problem' in check, url);
    assert.match(check.problem, new RegExp(`not https:// \\(it starts with ${new URL(url).protocol}\\); it was not opened\\.$`), url);
  }
});

test('no address, a non-URL and one with credentials in it are refused too', () => {
  for (const value of [undefined, '', '   ', 42, 'not a url', 'https://user:pass@accounts.example.com/']) {
    assert.ok('problem' in httpsOnly(value), String(value));
  }
});
