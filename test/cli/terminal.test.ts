// What only a terminal sees, tested without one: the question apply asks, and the counts line rewritten in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { applyProgress, resultLine } from '../../cli/src/applyProgress';
import { askLine, type Output } from '../../cli/src/output';
import type { ApplyItemResult } from '../../core/src/workspace/applyPlan';

function recorder(tty: boolean): Output & { text: () => string } {
  let text = '';
  return {
    stdout: (t) => void (text += t),
    stderr: () => undefined,
    stdoutIsTty: tty,
    stdinIsTty: tty,
    ask: async () => undefined,
    text: () => text,
  };
}

const created: ApplyItemResult = { key: '/w/a.polytomic.json', name: 'A', label: 'a.polytomic.json', action: 'create', outcome: 'done', id: 'c0ffee00-0000-4000-8000-000000000001' };
const failed: ApplyItemResult = { key: '/w/b.polytomic.json', name: 'B', label: 'b.polytomic.json', action: 'update', outcome: 'failed', reason: 'Polytomic answered 400: bad port' };

test('the question is written, one line is read; the end of the input is no answer', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  let asked = '';
  output.on('data', (chunk: Buffer) => (asked += chunk.toString()));
  const answer = askLine('Apply 2 changes? ', input, output);
  input.write('yes\nmore\n');
  assert.equal(await answer, 'yes');
  assert.equal(asked, 'Apply 2 changes? ');
  const closed = new PassThrough();
  const none = askLine('Apply? ', closed, new PassThrough());
  closed.end();
  assert.equal(await none, undefined);
});

test('on a terminal the counts line is rewritten with \\r, then cleared and each result printed', () => {
  const out = recorder(true);
  const progress = applyProgress(out, 2);
  progress.update({ total: 2, done: 1, failed: 0, skipped: 0, last: created });
  progress.update({ total: 2, done: 1, failed: 1, skipped: 0, last: failed });
  progress.finish([created, failed]);
  assert.equal(
    out.text(),
    '\r\x1b[2KApplying: 1/2 (1 done, 0 failed, 0 skipped)' +
      '\r\x1b[2KApplying: 2/2 (1 done, 1 failed, 0 skipped)' +
      '\r\x1b[2K' +
      `${resultLine(created)}\n${resultLine(failed)}\n`,
  );
});

test('elsewhere each result is a plain line as it comes, and finish adds nothing', () => {
  const out = recorder(false);
  const progress = applyProgress(out, 2);
  progress.update({ total: 2, done: 1, failed: 0, skipped: 0, last: created });
  progress.update({ total: 2, done: 1, failed: 1, skipped: 0, last: failed });
  progress.finish([created, failed]);
  assert.equal(out.text(), 'created  A (a.polytomic.json) id c0ffee00-0000-4000-8000-000000000001\nfailed   B (b.polytomic.json): Polytomic answered 400: bad port\n');
  assert.ok(!out.text().includes('\r'));
});
