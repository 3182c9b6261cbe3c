// Renders a run as bench/results.md: the machine, the targets, then every figure side by side.
import type { Summary } from './stats';
import type { Results } from './results';
import { findingsFor } from './findings';
import { planSummary } from '../../core/src/workspace/plan';
import type { WorkspaceMemory as WorkspaceMemoryFigures } from './workspaceBench';

const ms = (value: number) => (value < 0.1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1));
const span = (s: Summary) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
const size = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} KB`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const count = (n: number) => n.toLocaleString('en-US');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderMarkdown(results: Results): string {
  const out: string[] = [];
  const m = results.machine;
  out.push('# Benchmarks: `npm run bench`');
  out.push('');
  out.push(`Run ${m.date} on ${m.cpu} (${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB), Node ${m.node}, ${m.os}.`);
  out.push(`1-minute load average ${m.loadAverage.start.toFixed(1)} at the start and ${m.loadAverage.end?.toFixed(1) ?? '?'} at the end: other processes shared the cores, so absolute times carry that noise; the figures compared side by side were timed in rotation in the same process, so that the load weighs on them alike.`);
  out.push('All times in milliseconds: median (min–max) unless marked; "reference" is vscode-json-languageservice 5.7 with the same schemas.');
  out.push('');

  out.push('## Targets');
  out.push('');
  out.push(table(['target', 'limit', 'measured', 'met', 'distance'], results.targets.map((t) => [t.name, t.target, t.measured, t.met ? 'yes' : '**no**', t.distance])));
  out.push('');

  out.push('## Validation of generated documents');
  out.push('');
  out.push('Ours: the server\'s `computeDiagnostics` on a fresh `TextDocument` (parse, schema check, field rules, ranges). Reference: `parseJSONDocument` + `doValidation` on a fresh `TextDocument`. Parse: jsonc-parser `parse`, the floor. "found" counts the diagnostics each reported (planted errors in brackets).');
  out.push('');
  out.push(
    table(
      ['document', 'size', 'parse', 'ours', 'reference', 'ours vs reference', 'ours / parse', 'found (ours / ref / planted)', 'runs'],
      results.validation.map((r) => [r.label, size(r.bytes), span(r.parse), span(r.ours), span(r.reference), `${ratio(r.reference.median, r.ours.median)} faster`, ratio(r.ours.median, r.parse.median), `${r.oursFound} / ${r.referenceFound} / ${r.plantedErrors}`, String(r.ours.runs)]),
    ),
  );
  out.push('');

  if (results.catalogTypes) {
    const c = results.catalogTypes;
    out.push(`## Validation across the ${c.types} real connection types`);
    out.push('');
    out.push(`One document per type (the server's skeleton for it, ${size(c.totalBytes)} in all), all validated in one pass, warm.`);
    out.push('');
    out.push(table(['', 'one pass over all types', 'per document (mean)', 'documents with diagnostics'], [
      ['ours', span(c.ours), ms(c.ours.median / c.types), String(c.oursFlagged.length)],
      ['reference', span(c.reference), ms(c.reference.median / c.types), String(c.referenceFlagged.length)],
    ]));
    out.push('');
    out.push(`Ours is ${ratio(c.reference.median, c.ours.median)} faster.${c.oursFlagged.length + c.referenceFlagged.length > 0 ? ` Flagged: ours ${c.oursFlagged.join(', ') || 'none'}; reference ${c.referenceFlagged.join(', ') || 'none'}.` : ''}`);
    out.push('');
  }

  if (results.completion) {
    const c = results.completion;
    out.push(`## Completion on the ${size(c.bytes)} document`);
    out.push('');
    out.push(`${c.positions} positions (inside item keys and item values, spread over the document). Warm: the document version is parsed once, as both servers cache it, ${c.ours.warm.runs} / ${c.reference.warm.runs} samples. After an edit: a new version each request, parse included, ${c.ours.afterEdit.runs} positions.`);
    out.push('');
    out.push(table(['', 'warm p50', 'warm p95', 'warm max', 'after an edit p50', 'after an edit p95', 'items offered (median)'], [
      ['ours', ms(c.ours.warm.median), ms(c.ours.warm.p95), ms(c.ours.warm.max), ms(c.ours.afterEdit.median), ms(c.ours.afterEdit.p95), String(c.ours.medianItems)],
      ['reference', ms(c.reference.warm.median), ms(c.reference.warm.p95), ms(c.reference.warm.max), ms(c.reference.afterEdit.median), ms(c.reference.afterEdit.p95), String(c.reference.medianItems)],
    ]));
    out.push('');
  }

  if (results.roundTrip) {
    out.push('## Protocol round trip');
    out.push('');
    out.push(`\`didChange\` (a one-character edit) to the \`publishDiagnostics\` of that version, over stdio to \`dist/server.js\`, minus the configured debounce of ${results.debounceMs} ms (the server's default), except in the last row.`);
    out.push('');
    out.push(table(['document', 'size', 'beyond the debounce', 'p95', 'changes'], results.roundTrip.map((r) => [r.label, size(r.bytes), span(r.beyondDebounce), ms(r.beyondDebounce.p95), String(r.beyondDebounce.runs)])));
    out.push('');
    const b = results.protocolBaseline;
    if (b) {
      out.push(`For scale, a request the server answers at once (\`polytomic/schemaInfo\` for a document it does not have) takes ${span(b)} (p95 ${ms(b.p95)}) over the same connection: the transport and the scheduling of two processes on a busy machine, before any work.`);
      out.push('');
    }
  }

  if (results.latency) {
    const l = results.latency;
    out.push('## Diagnostics latency over stdio, beside the floor');
    out.push('');
    out.push('From the notification that delivers a version (`didOpen` or `didChange`) to the `publishDiagnostics` of that version, each server in its own process over a real stdio connection, taking turns per sample. Floor: a server that keeps the document as ours does and only `JSON.parse`s each version (bench/src/floorServer.ts). Reference: vscode-json-languageservice parsing and validating each version with the same schemas (bench/src/referenceServer.ts). Documents: the bench\'s `api` documents as plain JSON. All servers ran without a debounce, except ours in the `didOpen` row, which had its default one.');
    out.push('');
    out.push(
      table(
        ['what', 'size', 'ours', 'floor', 'reference', 'ours / floor', 'ours p95', 'samples'],
        l.rows.map((r) => [r.label, size(r.bytes), span(r.servers.ours), span(r.servers.floor), span(r.servers.reference), ratio(r.servers.ours.median, r.servers.floor.median), ms(r.servers.ours.p95), String(r.servers.ours.runs)]),
      ),
    );
    out.push('');
    out.push(`Ours checks a version that differs from the previous one only inside a string value from that version (no new parse; the field rules of that value\'s object alone), which is what both \`didChange\` rows do; the \`didOpen\` row is a check from scratch.`);
    out.push('');
  }

  if (results.catalogCold) {
    const c = results.catalogCold;
    out.push('## Catalog, cold');
    out.push('');
    out.push(`${c.processes} fresh processes, each loading the server's modules and the ${c.types}-type index, then checking one document per type: each type is read, normalised, compiled and used on first use (the server compiles lazily).`);
    out.push('');
    out.push(table(['', 'median (min–max)', 'p95'], [
      [`all ${c.types} types, cold (index + every first use)`, span(c.catalog), ms(c.catalog.p95)],
      ['the same, with loading the server modules first', span(c.total), ms(c.total.p95)],
      ['loading the server modules (unbundled, from out/)', span(c.modules), ms(c.modules.p95)],
      ['reading the index', span(c.index), ms(c.index.p95)],
      ['first use of one type (each type\'s median over the processes; over the types)', span(c.firstUse), ms(c.firstUse.p95)],
      ['first type of a process (also creates Ajv)', span(c.firstTypeOfProcess), ms(c.firstTypeOfProcess.p95)],
    ]));
    out.push('');
    out.push(`Slowest first uses: ${c.slowestTypes.map((t) => `${t.type} ${ms(t.ms)} ms`).join(', ')}.`);
    out.push('');
  }

  if (results.memory) {
    const r = results.memory;
    out.push('## Memory');
    out.push('');
    out.push(`Resident size of the server process: ${size(r.idleBytes)} after initialize, ${size(r.openBytes)} with ${r.documents} open documents (${r.distinctTypes} different types, so ${r.distinctTypes} compiled schemas), once all their diagnostics were published.`);
    out.push('');
  }

  if (results.activation || results.artifacts) {
    out.push('## The extension');
    out.push('');
    const a = results.activation;
    if (a) {
      out.push(`Activation outside the editor (an in-editor measure was not practical here): ${a.processes} fresh processes require \`dist/extension.js\` and await \`activate()\` with a stand-in \`vscode\` module (bench/src/vscodeMock.ts); \`activate()\` starts the language server without waiting for it (requests wait for it later).`);
      out.push('');
      out.push(table(['', 'median (min–max)'], [['require(dist/extension.js)', span(a.require)], ['activate()', span(a.activate)], ['total', span(a.total)], ['spawning dist/server.js to its initialize result, measured alone (after activation, in the background)', span(a.serverStart)]]));
      out.push('');
    }
    const s = results.artifacts;
    if (s) {
      out.push(`Production bundles (dist/): ${Object.entries(s.bundles).map(([f, b]) => `${f} ${size(b)}`).join(', ')}; the .vsix ships extension.js, api.js and server.js, ${size(s.shippedBundlesBytes)} together.`);
      out.push(s.vsixBytes !== undefined ? `.vsix: ${size(s.vsixBytes)} (${s.vsixNote}).` : `.vsix: not measured: ${s.vsixNote}.`);
      out.push('');
    }
  }

  if (results.apiClient) {
    out.push('## API client against the emulator');
    out.push('');
    out.push('1,000 `createConnection` calls (postgresql, validate false) through the extension\'s API client to `dist/emulator.js` in its own process.');
    out.push('');
    out.push(table(['concurrency', 'requests/s', 'latency p50', 'latency p95', 'max'], results.apiClient.map((r) => [String(r.concurrency), r.requestsPerSecond.toFixed(0), ms(r.latency.median), ms(r.latency.p95), ms(r.latency.max)])));
    out.push('');
  }

  if (results.workspace) out.push(...workspaceSection(results.workspace));

  const skipped = Object.entries(results.skipped);
  const findings = findingsFor(results);
  out.push('## Notes');
  out.push('');
  out.push('- Schemas: both sides get the same schemas after the server\'s dialect normalisation (`{value, label}` enum entries become plain values): given the raw dialect, a standard validator would reject every valid enum value. The reference gets one schema per type, the envelope with `configuration` set to the type\'s schema, through `configure({schemas})`.');
  out.push('- Ours does more per check than the reference: unknown-field, read-only and literal-secret rules, and messages with suggestions.');
  out.push('- Documents are generated with a seeded generator (bench/src/documents.ts); nothing is timed inside `npm test`.');
  const slowerSmall = results.validation.filter((r) => r.nominalBytes < 100_000 && r.ours.median > r.reference.median);
  if (slowerSmall.length > 0) {
    const gap = Math.max(...slowerSmall.map((r) => r.ours.median - r.reference.median));
    out.push(`- Under 100 KB, ${slowerSmall.length} document(s) check slower than the reference, by at most ${ms(gap)} ms: on a small document the fixed costs dominate (the field rules, and for one with errors the messages with their suggestions), far below anything a user can notice.`);
  }
  for (const [section, why] of skipped) out.push(`- Not measured: ${section}: ${why}`);
  for (const finding of findings) out.push(`- **${finding.title}: target missed.** ${finding.text}`);
  out.push('');
  return out.join('\n');
}

function workspaceSection(w: NonNullable<Results['workspace']>): string[] {
  const out: string[] = [];
  const latency = (ms: number) => (ms === 0 ? 'none (loopback)' : `${ms} ms`);
  const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
  out.push(`## The folder-level engine: ${count(w.files)} files, ${count(w.liveConnections)} connections`);
  out.push('');
  out.push(
    `core/src/workspace against the emulator in its own process, through the API client over HTTP. The emulator answers at once on loopback, which hides what fewer requests and concurrency buy against a real API, so each timing is taken with no added latency and with ${w.realisticLatencyMs} ms added to every API request (the emulator's \`latencyMs\` fault: a round trip and the API's own work, at the low end of a real API's); **the targets are judged at ${w.realisticLatencyMs} ms**. Files are postgresql, mysql, snowflake and s3 connections in turn, each with its secret as an \`\${env:...}\` placeholder; plans validate every file with the language server's own checks.`,
  );
  out.push('');
  out.push(`### Plan`);
  out.push('');
  out.push(
    `The folder: ${count(w.files)} files against ${count(w.liveConnections)} live connections, the plan says ${planSummary(w.planCounts)}. Ours: finding and reading the files, one list call and \`buildPlan\`. Naive: the same files, checks and comparison, with one GET per file that holds an id instead of the list, 8 in flight (the plan's own width). Timed in rotation; the naive plan is checked to find the same creates, updates and unchanged files (it cannot see the unmanaged connections).`,
  );
  out.push('');
  out.push(
    table(
      ['added latency', 'ours', 'requests', 'naive', 'requests', 'naive / ours', 'runs'],
      w.plan.map((r) => [latency(r.latencyMs), span(r.ours), String(r.oursRequests), span(r.naive), String(r.naiveRequests), ratio(r.naive.median, r.ours.median), String(r.ours.runs)]),
    ),
  );
  out.push('');
  out.push(`### Apply of ${count(w.files)} creates`);
  out.push('');
  out.push(
    'Into an empty organisation, the plan made beforehand: `applyPlan` with create keys in a JSON file (`JsonFileMemento`, written before each create is sent and after it settles) and `writeIdToFile` writing each id back. One run per row; the create latency is the client\'s call as the engine saw it.',
  );
  out.push('');
  out.push(
    table(
      ['added latency', 'concurrency', 'create keys', 'total', 'creates/s', 'create p50', 'create p95', 'create max', 'speed-up over concurrency 1'],
      w.apply.map((r) => {
        const one = w.apply.find((o) => o.latencyMs === r.latencyMs && o.concurrency === 1 && o.keys === 'file');
        return [latency(r.latencyMs), String(r.concurrency), r.keys === 'file' ? 'JSON file' : 'in memory', s(r.ms), r.createsPerSecond.toFixed(0), ms(r.createLatency.median), ms(r.createLatency.p95), ms(r.createLatency.max), one ? ratio(one.ms, r.ms) : '–'];
      }),
    ),
  );
  out.push('');
  const row = (latencyMs: number, concurrency: number, keys: 'file' | 'memory') => w.apply.find((r) => r.latencyMs === latencyMs && r.concurrency === concurrency && r.keys === keys);
  const speedUp = (latencyMs: number, concurrency: number) => {
    const one = row(latencyMs, 1, 'file');
    const other = row(latencyMs, concurrency, 'file');
    return one && other ? ratio(one.ms, other.ms) : '?';
  };
  const fileKeys = row(0, 16, 'file');
  const memoryKeys = row(0, 16, 'memory');
  if (fileKeys && memoryKeys) {
    out.push(
      `At loopback the apply is bound by its file writes, not by the API: with the create keys in memory, concurrency 16 takes ${s(memoryKeys.ms)} instead of ${s(fileKeys.ms)}. Each create writes the key file twice (the key before the create is sent, its removal once the id is in the file), and \`JsonFileMemento\` rewrites the whole file each time, one write after the other, so at loopback more concurrency gains little (${speedUp(0, 4)} at 4, ${speedUp(0, 16)} at 16 in this run). With ${w.realisticLatencyMs} ms per request the writes overlap the waits: concurrency 4 is ${speedUp(w.realisticLatencyMs, 4)} and 16 is ${speedUp(w.realisticLatencyMs, 16)} concurrency 1.`,
    );
    out.push('');
  }
  out.push('### Import');
  out.push('');
  out.push(`Every live connection into a new file in an empty folder: the type list (for the OAuth types) and one list call, then \`importOrganization\` with \`newFileWriter\`. A fresh folder per run.`);
  out.push('');
  out.push(table(['added latency', 'median (min–max)', 'files written', 'skipped', 'runs'], w.import.map((r) => [latency(r.latencyMs), span(r.ms), String(r.written), String(r.skipped), String(r.ms.runs)])));
  out.push('');
  out.push('### Memory');
  out.push('');
  out.push(
    `One plan of the folder above, and one import of the ${count(w.liveConnections)} connections into an empty folder, each in a fresh Node process (cold: the server's validation and the schemas load on first use), no added latency; medians of ${w.memory.plan.runs} processes. Before: after loading the modules and a collection. Peak resident size: the kernel's maximum for the process; peak heap: \`heapUsed\` sampled every 2 ms while the work runs.`,
  );
  out.push('');
  const m = (label: string, r: WorkspaceMemoryFigures) => [label, s(r.ms), size(r.baselineRssBytes), size(r.peakRssBytes), size(r.baselineHeapBytes), size(r.peakHeapBytes)];
  out.push(table(['', 'time (cold)', 'resident before', 'resident peak', 'heap before', 'heap peak'], [m(`plan of ${count(w.files)} files`, w.memory.plan), m(`import of ${count(w.liveConnections)} connections`, w.memory.import)]));
  out.push('');
  return out;
}
