// Document symbols, formatting and folding ranges.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, FoldingRangeKind, type TextEdit } from 'vscode-languageserver/node';
import { documentSymbols } from '../../../server/src/features/symbols';
import { formatDocument } from '../../../server/src/features/formatting';
import { foldingRanges } from '../../../server/src/features/folding';
import { documentOf } from './caret';
import { FIXTURE_CATALOG, TestCatalog } from './testCatalog';

const catalog = new TestCatalog([FIXTURE_CATALOG]);

function applyAll(text: string, edits: TextEdit[]): string {
  const document = documentOf(text);
  const sorted = edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

describe('document symbols', () => {
  test('a hierarchy of properties with kinds by value type', () => {
    const text = '{\n  "name": "pg",\n  "type": "postgresql",\n  "configuration": {\n    "port": 5432,\n    "ssl": true,\n    "tags": ["a", null]\n  }\n}\n';
    const symbols = documentSymbols(documentOf(text), catalog);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.detail]),
      [
        ['name', SymbolKind.String, '"pg"'],
        ['type', SymbolKind.String, 'PostgreSQL'],
        ['configuration', SymbolKind.Module, undefined],
      ],
    );
    const configuration = symbols[2];
    assert.deepEqual(
      configuration.children?.map((s) => [s.name, s.kind]),
      [
        ['port', SymbolKind.Number],
        ['ssl', SymbolKind.Boolean],
        ['tags', SymbolKind.Array],
      ],
    );
    assert.deepEqual(configuration.children?.[2].children?.map((s) => [s.name, s.kind]), [
      ['0', SymbolKind.String],
      ['1', SymbolKind.Null],
    ]);
    assert.deepEqual(configuration.range, { start: { line: 3, character: 2 }, end: { line: 7, character: 3 } });
    assert.deepEqual(configuration.selectionRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 17 } });
  });

  test('a broken document still gets an outline of what parses', () => {
    const symbols = documentSymbols(documentOf('{ "name": "x", "configuration": { "port": '), catalog);
    assert.deepEqual(symbols.map((s) => s.name), ['name', 'configuration']);
  });
});

describe('formatting', () => {
  const messy = '{"name":"pg", // the name\n/* block */ "configuration":{"port":5432,\n"ssl":true}}';

  test('formats with the client indentation and keeps comments', () => {
    const document = documentOf(messy);
    const formatted = applyAll(messy, formatDocument(document, { tabSize: 4, insertSpaces: true }));
    assert.equal(formatted, '{\n    "name": "pg", // the name\n    /* block */ "configuration": {\n        "port": 5432,\n        "ssl": true\n    }\n}');
    const tabs = applyAll(messy, formatDocument(documentOf(messy), { tabSize: 4, insertSpaces: false }));
    assert.ok(tabs.includes('\n\t\t"port": 5432'));
  });

  test('range formatting only touches the range', () => {
    const text = '{"name":"pg",\n"configuration":{"port":5432,   "ssl":true}}';
    const document = documentOf(text);
    const line = { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } };
    const formatted = applyAll(text, formatDocument(document, { tabSize: 2, insertSpaces: true }, line));
    assert.ok(formatted.endsWith('"configuration":{"port":5432,   "ssl":true}}'), formatted);
    assert.ok(formatted.startsWith('{\n  "name": "pg",'), formatted);
  });
});

describe('folding ranges', () => {
  test('objects, arrays, block comments and regions', () => {
    const text = [
      '{', // 0
      '  /* a block', // 1
      '     comment */', // 2
      '  // #region connection', // 3
      '  "name": "x",', // 4
      '  // #endregion', // 5
      '  "configuration": {', // 6
      '    "tags": [', // 7
      '      "a"', // 8
      '    ],', // 9
      '    "one": { "line": true }', // 10
      '  }', // 11
      '}', // 12
    ].join('\n');
    const ranges = foldingRanges(documentOf(text));
    assert.deepEqual(ranges, [
      { startLine: 0, endLine: 11 },
      { startLine: 1, endLine: 2, kind: FoldingRangeKind.Comment },
      { startLine: 3, endLine: 5, kind: FoldingRangeKind.Region },
      { startLine: 6, endLine: 10 },
      { startLine: 7, endLine: 8 },
    ]);
  });
});
