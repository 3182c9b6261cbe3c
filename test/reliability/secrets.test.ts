// Nothing the extension side writes or shows while applying connection files under faults holds the API key or a
// secret value: not the request log (retries included), not the output, not the failure reasons, not the files (which
// keep their placeholders), not the emulator's answers; and the language server neither logs nor repeats in a
// diagnostic or a hover the literal secrets a file holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFaultScenario } from './faults/faultScenario';
import { ServerProbe } from './fuzz/serverProbe';
import { cut, insert, swap } from './fuzz/mutations';
import { Prng } from './support/prng';
import { SHARED_CATALOG } from './support/paths';
import { findSecrets, type Haystack } from './support/secretSearch';

test('an apply run under faults leaks no key and no secret anywhere it writes', async () => {
  const report = await runFaultScenario({ files: 30, seed: 13, catalogDir: SHARED_CATALOG, restart: 'between halves' });
  assert.ok(report.secrets.length >= 20, 'the files resolved secrets from their placeholders');
  assert.ok(report.written.logLines.length > 30, 'the request log recorded the attempts');
  const haystacks: Haystack[] = [
    ...report.written.logLines.map((text, i) => ({ where: `request log line ${i + 1}`, text })),
    ...report.written.outputLines.map((text, i) => ({ where: `output line ${i + 1}`, text })),
    ...report.failures.map((f, i) => ({ where: `failure reason ${i + 1}`, text: f.reason })),
    ...report.written.fileTexts.map((text, i) => ({ where: `connection file ${i + 1}`, text })),
    { where: 'the emulator listing', text: report.emulatorListing },
  ];
  // Control: the secrets did reach the API (its store holds them, less the read-only fields it ignores on create), so
  // finding them nowhere else means something.
  const stored = findSecrets(report.secrets, [{ where: 'emulator store', text: report.dataFileText }]);
  assert.ok(stored.length > report.secrets.length / 2, `only ${stored.length} of ${report.secrets.length} secrets reached the API`);
  assert.deepEqual(findSecrets([report.apiKey, `Bearer ${report.apiKey}`, ...report.secrets], haystacks), []);
  assert.deepEqual(report.written.logLines.filter((line) => /authorization|bearer|basic /i.test(line)), [], 'no Authorization header in the log');
});

test('the language server logs no literal secret from a file and repeats none in a diagnostic or hover', async () => {
  const secret = 'pw-literal-Q8v3Xn5Tb1';
  const base = `{\n  "name": "Orders",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "db.example.com",\n    "password": "${secret}",\n    "ssh_private_key": "${secret}-key"\n  }\n}\n`;
  const logs: string[] = [];
  const diagnostics: string[] = [];
  const hovers: string[] = [];
  const probe = await ServerProbe.start({
    catalogDirs: [SHARED_CATALOG],
    onErrorLog: (message) => logs.push(message),
    onDiagnostics: (params) => diagnostics.push(...params.diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value))),
  });
  const prng = new Prng(42);
  try {
    for (let i = 0; i < 40; i++) {
      const text = i === 0 ? base : [cut, insert, swap].reduce((t, mutate) => mutate(t, prng, { typeIds: ['postgresql'] }), base);
      const uri = `file:///secrets/doc-${i}.polytomic.json`;
      await probe.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'polytomic', version: 1, text } });
      const hover = await probe.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 20 } }, 10_000);
      if (hover.kind === 'answered') hovers.push(JSON.stringify(hover.value));
      await probe.request('textDocument/documentSymbol', { textDocument: { uri } }, 10_000);
      await probe.notify('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await probe.stop();
  }
  assert.ok(diagnostics.some((m) => /password/i.test(m)), 'the literal password was warned about');
  const haystacks = [...logs, probe.stderr, ...diagnostics, ...hovers].map((text, i) => ({ where: `server output ${i + 1}`, text }));
  assert.deepEqual(findSecrets([secret], haystacks), []);
});
