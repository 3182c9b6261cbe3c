// The short, fixed-seed form of `npm run fuzz`: 300 mutated documents over every type id (one of them nested 100,000
// deep, one holding a 10 MB string) and 200 incremental edits, sent to dist/server.js over a real LSP connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogTypeIds } from './fuzz/baseDocuments';
import { runFuzz } from './fuzz/fuzzer';
import { formatReport } from './fuzz/printReport';
import { SHARED_CATALOG } from './support/paths';
import { DeepDocumentProbe } from './fuzz/deepDocuments';
import { LineTable, textEditProblems } from './fuzz/rangeChecks';
import { ServerProbe } from './fuzz/serverProbe';

test('300 mutated documents and 200 incremental edits: no crash, no hang, every range inside its document, nothing on stderr', async (t) => {
  const started = performance.now();
  const report = await runFuzz({ seed: 1124, documents: 300, edits: 200, giants: 1, slowMs: 1000, giveUpMs: 30_000, catalogDir: SHARED_CATALOG, formatNested: false });
  t.diagnostic(formatReport(report, (performance.now() - started) / 1000));
  assert.equal(report.documents, 300);
  assert.equal(report.edits, 200);
  assert.equal(report.typesCovered, catalogTypeIds(SHARED_CATALOG).length);
  assert.equal(report.mutations['nesting 100,000'], 1);
  assert.equal(report.mutations['10 MB string (plain)'], 1);
  assert.ok(report.diagnosticsChecked >= report.documents, 'every document had its diagnostics checked');
  // Answers over 1 s are counted and printed, not asserted: speed is the full run's and the benchmarks' business.
  const unexpected = report.findings.filter((f) => f.kind !== 'slow');
  assert.deepEqual(unexpected, []);
});

// Past MAX_NESTING levels the editing features answer empty (server/src/features/featureLimits.ts); diagnostics still come.
test('a document nested 100,000 deep gets its diagnostics, symbols, hover and completion', async () => {
  const probe = await DeepDocumentProbe.start(SHARED_CATALOG);
  try {
    for (const depth of [3_000, 100_000]) {
      const outcome = await probe.check(depth);
      assert.deepEqual(outcome.errorLogs, [], `depth ${depth}: the server logged handler errors`);
      assert.ok(outcome.diagnosticsPublished, `depth ${depth}: no diagnostics were published`);
      assert.ok(outcome.diagnosticCodes.includes('too-deep'), `depth ${depth}: no diagnostic says why the editing features are off`);
    }
  } finally {
    await probe.stop();
  }
});

interface WireTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

// jsonc-parser 3.3.1's format() leaves an edit without content where a line needs exactly 200 spaces: the server drops it.
test('formatting a document nested 100 deep gives edits that all have text', async () => {
  const probe = await ServerProbe.start({ catalogDirs: [SHARED_CATALOG], onErrorLog: () => undefined, onDiagnostics: () => undefined });
  try {
    const text = `{"name": "A", "type": "api", "configuration": ${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`;
    const uri = 'file:///format/deep.polytomic.json';
    await probe.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'polytomic', version: 1, text } });
    const answer = await probe.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }, 10_000);
    assert.equal(answer.kind, 'answered');
    const edits = (answer as { value: WireTextEdit[] }).value;
    assert.deepEqual(textEditProblems(new LineTable(text), edits, 'formatting edit'), []);
    // A one-line document: edits are applied from the last character back, and the value is unchanged.
    let formatted = text;
    for (const edit of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
      const { start, end } = edit.range;
      assert.equal(start.line, 0);
      assert.equal(end.line, 0);
      formatted = formatted.slice(0, start.character) + edit.newText + formatted.slice(end.character);
    }
    assert.ok(formatted.split('\n').length > 150, 'the document was formatted onto its own lines');
    assert.deepEqual(JSON.parse(formatted), JSON.parse(text));
  } finally {
    await probe.stop();
  }
});
