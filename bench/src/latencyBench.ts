// Diagnostics latency over real stdio connections, side by side: our server (dist/server.js), the floor (a server that
// only JSON.parses each version, floorServer.ts) and vscode-json-languageservice (referenceServer.ts). Measured from
// the notification that delivers a version (didOpen or didChange) to the publishDiagnostics of that version:
// - a full-text didChange of a 1 MB and a 4 MB document, every server started with no debounce;
// - didOpen of a new 1 MB document, ours with its default debounce: the first diagnostics must not wait for it;
// - a keystroke (an incremental didChange of one character) in the 1 MB document.
// The servers take turns for each sample, so a change in the machine's load falls on all of them alike.
import { join } from 'node:path';
import { apiDocument } from './documents';
import { LspClient } from './lspClient';
import { SHARED_CATALOG } from './paths';
import { now, summarise, type Summary } from './stats';

export const LATENCY_SERVERS = ['ours', 'floor', 'reference'] as const;
export type LatencyServer = (typeof LATENCY_SERVERS)[number];

export interface LatencyRow {
  key: string;
  label: string;
  bytes: number;
  /** Milliseconds from the notification to the diagnostics of its version, per server. */
  servers: Record<LatencyServer, Summary>;
}

export interface LatencyResult {
  /** The debounce ours ran with in the didOpen row (the others have none). */
  openDebounceMs: number;
  rows: LatencyRow[];
}

interface Measured {
  name: LatencyServer;
  client: LspClient;
}

/** Plain JSON (the floor JSON.parses it): the bench's api document without its leading comment line. */
function plainDocument(bytes: number, key: string): { text: string; label: string } {
  const document = apiDocument({ key, label: key, bytes }, false);
  return { text: document.text.slice(document.text.indexOf('\n') + 1), label: document.label };
}

/** The URI the reference server's schema association matches (referenceService.ts: `bench.<type>.polytomic.json`). */
const uriFor = (key: string) => `file:///bench/latency/${key}/bench.api.polytomic.json`;

/** `"name": "Bench ...` is line 1; its first letter is flipped between B and b. */
function nameLetter(text: string): { line: number; character: number } {
  const line = text.split('\n', 2)[1];
  return { line: 1, character: line.indexOf('"Bench') + 1 };
}

async function timed(client: LspClient, uri: string, version: number, send: () => Promise<void>): Promise<number> {
  const published = client.published(uri, version);
  const start = now();
  await send();
  await published;
  return now() - start;
}

async function fullTextChanges(servers: Measured[], key: string, text: string, label: string, samples: number): Promise<LatencyRow> {
  const uri = uriFor(key);
  const results = new Map<LatencyServer, number[]>(servers.map((s) => [s.name, []]));
  for (const { client } of servers) await timed(client, uri, 1, () => client.open(uri, text));
  const warmup = 2;
  for (let version = 2; version < 2 + warmup + samples; version++) {
    const letter = version % 2 === 0 ? 'b' : 'B';
    const changed = text.slice(0, text.indexOf('"Bench') + 1) + letter + text.slice(text.indexOf('"Bench') + 2);
    for (const { name, client } of servers) {
      const ms = await timed(client, uri, version, () => client.change(uri, version, [{ text: changed }]));
      if (version >= 2 + warmup) results.get(name)!.push(ms);
    }
  }
  for (const { client } of servers) await client.close(uri);
  return row(key, label, text, results);
}

async function keystrokes(servers: Measured[], key: string, text: string, label: string, samples: number): Promise<LatencyRow> {
  const uri = uriFor(key);
  const { line, character } = nameLetter(text);
  const results = new Map<LatencyServer, number[]>(servers.map((s) => [s.name, []]));
  for (const { client } of servers) await timed(client, uri, 1, () => client.open(uri, text));
  const warmup = 3;
  for (let version = 2; version < 2 + warmup + samples; version++) {
    const change = { range: { start: { line, character }, end: { line, character: character + 1 } }, text: version % 2 === 0 ? 'b' : 'B' };
    for (const { name, client } of servers) {
      const ms = await timed(client, uri, version, () => client.change(uri, version, [change]));
      if (version >= 2 + warmup) results.get(name)!.push(ms);
    }
  }
  for (const { client } of servers) await client.close(uri);
  return row(key, label, text, results);
}

async function opens(servers: Measured[], key: string, text: string, label: string, samples: number): Promise<LatencyRow> {
  const results = new Map<LatencyServer, number[]>(servers.map((s) => [s.name, []]));
  const warmup = 2;
  for (let i = 0; i < warmup + samples; i++) {
    for (const { name, client } of servers) {
      const uri = uriFor(`${key}-${i}`);
      const ms = await timed(client, uri, 1, () => client.open(uri, text));
      await client.close(uri);
      if (i >= warmup) results.get(name)!.push(ms);
    }
  }
  return row(key, label, text, results);
}

function row(key: string, label: string, text: string, results: Map<LatencyServer, number[]>): LatencyRow {
  const servers = Object.fromEntries([...results].map(([name, samples]) => [name, summarise(samples)])) as Record<LatencyServer, Summary>;
  return { key, label, bytes: Buffer.byteLength(text, 'utf8'), servers };
}

async function startAll(ourOptions: Record<string, unknown>, benchOut: string): Promise<Measured[]> {
  return [
    { name: 'ours', client: await LspClient.start({ catalogDirs: [SHARED_CATALOG], ...ourOptions }) },
    { name: 'floor', client: await LspClient.start({}, join(benchOut, 'floorServer.js')) },
    { name: 'reference', client: await LspClient.start({}, join(benchOut, 'referenceServer.js')) },
  ];
}

async function stopAll(servers: Measured[]): Promise<void> {
  await Promise.all(servers.map((s) => s.client.stop()));
}

export async function benchLatency(defaultDebounceMs: number, log: (line: string) => void): Promise<LatencyResult> {
  const rows: LatencyRow[] = [];
  const oneMb = plainDocument(1_000_000, '1MB');
  const fourMb = plainDocument(4_000_000, '4MB');
  const undebounced = await startAll({ debounceMs: 0 }, __dirname);
  try {
    rows.push(await fullTextChanges(undebounced, 'change-1MB', oneMb.text, 'full-text didChange, 1 MB', 20));
    log(`  ${rows[rows.length - 1].label} done`);
    rows.push(await fullTextChanges(undebounced, 'change-4MB', fourMb.text, 'full-text didChange, 4 MB', 10));
    log(`  ${rows[rows.length - 1].label} done`);
    rows.push(await keystrokes(undebounced, 'keystroke-1MB', oneMb.text, 'keystroke (incremental didChange), 1 MB', 30));
    log(`  ${rows[rows.length - 1].label} done`);
  } finally {
    await stopAll(undebounced);
  }
  const debounced = await startAll({ debounceMs: defaultDebounceMs }, __dirname);
  try {
    rows.push(await opens(debounced, 'open-1MB', oneMb.text, `didOpen, 1 MB (ours with its ${defaultDebounceMs} ms debounce)`, 10));
  } finally {
    await stopAll(debounced);
  }
  return { openDebounceMs: defaultDebounceMs, rows };
}
