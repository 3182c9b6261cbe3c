// A UserError's notification goes through the same secret scrubber as the log: a message that quotes a resolved
// secret (or an API key) shows it masked in the notification, as it is in the Polytomic output.
import './support/vscodeStub';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorReporter } from '../../client/src/errors';
import { PolytomicOutput } from '../../client/src/output';
import { PromptHolder, type NotificationKind, type Prompts } from '../../client/src/ui';
import { UserError } from '../../client/src/userError';
import { loggedLines } from './support/vscodeStub';

const SECRET = 'pw-notify-7Hq2xLm9';

test('a UserError quoting a resolved secret is notified and logged without it', async () => {
  const output = new PolytomicOutput();
  output.addSecrets([SECRET]);
  const notified: { kind: NotificationKind; message: string; actions: string[] }[] = [];
  const prompts = new PromptHolder();
  const recorder: Pick<Prompts, 'notify'> = {
    notify: async (kind, message, ...actions) => {
      notified.push({ kind, message, actions });
      return undefined;
    },
  };
  prompts.current = recorder as Prompts;
  const reporter = new ErrorReporter(output, prompts);

  await reporter.report(new UserError(`the value "${SECRET}" is not a valid port`, [{ title: 'Show Problems', command: 'x' }], 'warning'), {
    action: 'Create connection from orders.polytomic.json',
  });

  assert.equal(notified.length, 1);
  assert.equal(notified[0].kind, 'warning');
  assert.deepEqual(notified[0].actions, ['Show Problems']);
  assert.ok(!notified[0].message.includes(SECRET), notified[0].message);
  assert.match(notified[0].message, /^the value ".+" is not a valid port$/);
  assert.ok(loggedLines.length > 0);
  assert.ok(loggedLines.every((line) => !line.includes(SECRET)));
});
