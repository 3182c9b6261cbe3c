// `npm run bench`: builds the production bundles (and the .vsix when `npm run package` exists), runs every benchmark
// once, and writes bench/results.md and bench/results.json.
// `npm run bench -- --only latency[,completion...]`: builds the production bundles only, runs the named sections
// (their names as logged), prints their figures and writes nothing: a partial run must not replace a whole one.
import { writeFileSync } from 'node:fs';
import { benchActivation } from './activationBench';
import { benchApiClient } from './apiClientBench';
import { buildForBench, measureArtifacts, snapshotProductionBundles } from './artifactsBench';
import { benchCatalogCold } from './catalogColdBench';
import { benchCatalogTypes } from './catalogTypesBench';
import { benchCompletion } from './completionBench';
import { apiDocument, API_SIZES, typicalDocuments } from './documents';
import { benchLatency } from './latencyBench';
import { LspClient } from './lspClient';
import { currentLoad, describeMachine } from './machine';
import { benchMemory } from './memoryBench';
import { createCatalog, OurValidator } from './ourValidation';
import { RESULTS_JSON, RESULTS_MD, SHARED_CATALOG } from './paths';
import { ReferenceService } from './referenceService';
import { renderMarkdown } from './report';
import type { Results } from './results';
import { protocolBaseline, roundTrip } from './roundTripBench';
import { now } from './stats';
import { checkTargets } from './targets';
import { benchValidation } from './validationBench';
import { benchWorkspace } from './workspaceBench';

/** The server's default debounce (server/src/server.ts), passed explicitly so that it can be subtracted. */
const DEBOUNCE_MS = 175;

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The sections of `--only`, or undefined for a whole run. */
function onlySections(argv: string[]): Set<string> | undefined {
  const at = argv.indexOf('--only');
  if (at < 0) return undefined;
  const names = (argv[at + 1] ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw new Error('--only needs section names, e.g. --only latency');
  return new Set(names);
}

const only = onlySections(process.argv.slice(2));

async function section<T>(name: string, skipped: Record<string, string>, work: () => Promise<T> | T): Promise<T | undefined> {
  if (only && !only.has(name)) return undefined;
  const start = now();
  log(`${name}...`);
  try {
    const result = await work();
    log(`${name}: ${((now() - start) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${message}`);
    skipped[name] = `it failed in this run: ${message.split('\n')[0]}`;
    return undefined;
  }
}

/** results.json gives every figure a name: the lists of rows become objects keyed by each row's name. */
function byName(results: Results): unknown {
  const keyed = <T>(rows: T[] | undefined, key: (row: T) => string) => rows && Object.fromEntries(rows.map((row) => [key(row), row]));
  return {
    ...results,
    validation: keyed(results.validation, (r) => r.key),
    roundTrip: keyed(results.roundTrip, (r) => r.key),
    apiClient: keyed(results.apiClient, (r) => `concurrency-${r.concurrency}`),
    workspace: results.workspace && {
      ...results.workspace,
      plan: keyed(results.workspace.plan, (r) => `latency-${r.latencyMs}ms`),
      apply: keyed(results.workspace.apply, (r) => `latency-${r.latencyMs}ms-concurrency-${r.concurrency}-keys-${r.keys}`),
      import: keyed(results.workspace.import, (r) => `latency-${r.latencyMs}ms`),
    },
  };
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const skipped: Record<string, string> = {};
  const build = only ? undefined : buildForBench(log);
  if (only) snapshotProductionBundles(false, log);

  const catalog = createCatalog([SHARED_CATALOG]);
  const types = catalog.listTypes().map((t) => t.id);
  const ours = new OurValidator(catalog);
  const reference = new ReferenceService(catalog, types);

  const validation = (await section('validation', skipped, () => benchValidation(ours, reference, log))) ?? [];
  const catalogTypes = await section('validation across the catalog', skipped, () => benchCatalogTypes(ours, reference));
  const completion = await section('completion', skipped, () => benchCompletion(ours, reference));
  const roundTripRows = await section('round trip', skipped, async () => {
    const client = await LspClient.start({ catalogDirs: [SHARED_CATALOG], debounceMs: DEBOUNCE_MS });
    try {
      const typical = typicalDocuments()[0];
      const large = apiDocument(API_SIZES.find((s) => s.key === '1MB')!, false);
      return {
        baseline: await protocolBaseline(client, 30),
        rows: [
          await roundTrip(client, DEBOUNCE_MS, 'typical', `typical (${typical.label})`, typical.text, 30),
          await roundTrip(client, DEBOUNCE_MS, 'api-1MB', large.label, large.text, 15),
        ],
      };
    } finally {
      await client.stop();
    }
  });
  // The typical file again with no debounce at all: what remains is the server's work and the transport.
  const undebounced = await section('round trip without debounce', skipped, async () => {
    const client = await LspClient.start({ catalogDirs: [SHARED_CATALOG], debounceMs: 0 });
    try {
      const typical = typicalDocuments()[0];
      return await roundTrip(client, 0, 'typical-no-debounce', `typical, server started with debounceMs 0`, typical.text, 30);
    } finally {
      await client.stop();
    }
  });
  const latency = await section('latency', skipped, () => benchLatency(DEBOUNCE_MS, log));
  const memory = await section('memory', skipped, () => benchMemory(catalog));
  const catalogCold = await section('catalog cold', skipped, () => benchCatalogCold(catalog));
  const activation = await section('activation', skipped, () => benchActivation());
  const artifacts = build && (await section('sizes', skipped, () => measureArtifacts(build)));
  const apiClient = await section('API client', skipped, () => benchApiClient());
  const workspace = await section('workspace', skipped, () => benchWorkspace(log));

  machine.loadAverage.end = currentLoad();
  const results: Results = {
    machine,
    skipped,
    validation,
    catalogTypes,
    completion,
    roundTrip: roundTripRows && [...roundTripRows.rows, ...(undebounced ? [undebounced] : [])],
    protocolBaseline: roundTripRows?.baseline,
    debounceMs: DEBOUNCE_MS,
    latency,
    catalogCold,
    memory,
    activation,
    artifacts,
    apiClient,
    workspace,
    targets: [],
  };
  results.targets = checkTargets(results);
  if (only) {
    log(JSON.stringify({ latency, completion, roundTrip: results.roundTrip, workspace, targets: results.targets }, null, 2));
    return;
  }
  writeFileSync(RESULTS_JSON, JSON.stringify(byName(results), null, 2) + '\n');
  writeFileSync(RESULTS_MD, renderMarkdown(results));
  for (const t of results.targets) log(`${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.measured} (limit ${t.target})`);
  log(`wrote ${RESULTS_MD} and ${RESULTS_JSON}`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
