// GitHub's workflow-command escaping: %, CR and LF everywhere; also ":" and "," in property values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeData, escapeProperty, workflowCommand } from '../../cli/src/githubCommands';

test('data escapes % first, then CR and LF', () => {
  assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeData('%0A'), '%250A', 'an escape already in the text stays literal');
  assert.equal(escapeData('a\u001b]0;pwned\u0007\u001b[31mred\tb\u202e'), 'a]0;pwned[31mred b', 'ESC, BEL and bidi overrides are dropped');
});

test('properties also escape : and ,', () => {
  assert.equal(escapeProperty('dir,x/a:b%\n.json'), 'dir%2Cx/a%3Ab%25%0A.json');
});

test('a command puts escaped properties after the level and the escaped message after ::', () => {
  assert.equal(
    workflowCommand('warning', [['file', 'a,b.json'], ['line', 3]], 'two\nlines [code]'),
    '::warning file=a%2Cb.json,line=3::two%0Alines [code]',
  );
  assert.equal(workflowCommand('notice', [], 'm'), '::notice::m');
});
