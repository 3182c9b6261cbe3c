// The protocol round trip: didChange to publishDiagnostics over a real stdio connection to dist/server.js, minus the
// debounce the server was configured with. Each change edits one character of the connection's name, the typical
// keystroke; the client waits for that version's diagnostics before the next change.
import type { LspClient } from './lspClient';
import { now, summarise, type Summary } from './stats';

export interface RoundTripRow {
  key: string;
  label: string;
  bytes: number;
  /** The measured time minus the debounce. */
  beyondDebounce: Summary;
}

/**
 * The transport alone: a request the server answers at once (polytomic/schemaInfo for a document it does not have),
 * sent and answered over the same connection. What the round trip adds to it is the server's own work.
 */
export async function protocolBaseline(client: LspClient, requests: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < requests + 5; i++) {
    const start = now();
    await client.connection.sendRequest('polytomic/schemaInfo', { uri: 'file:///bench/not-open.polytomic.json' });
    if (i >= 5) samples.push(now() - start);
  }
  return summarise(samples);
}

export async function roundTrip(client: LspClient, debounceMs: number, key: string, label: string, text: string, changes: number): Promise<RoundTripRow> {
  const uri = `file:///bench/roundtrip/${key}.polytomic.json`;
  const opened = client.published(uri, 1);
  await client.open(uri, text);
  await opened;
  // The name's first letter: `"name": "Bench ...` on line 2 (line 1 is the generated-by comment).
  const line = text.split('\n')[1];
  const character = line.indexOf('"Bench') + 1;
  const samples: number[] = [];
  const warmup = 2;
  for (let version = 2; version < 2 + warmup + changes; version++) {
    const published = client.published(uri, version);
    const start = now();
    await client.change(uri, version, [{ range: { start: { line: 1, character }, end: { line: 1, character: character + 1 } }, text: version % 2 === 0 ? 'b' : 'B' }]);
    await published;
    if (version >= 2 + warmup) samples.push(now() - start - debounceMs);
  }
  return { key, label, bytes: Buffer.byteLength(text, 'utf8'), beyondDebounce: summarise(samples) };
}
