// What profiling (node --cpu-prof on the benchmark's own documents) found behind a missed target, and the fix proposed
// to the owner of that code. A finding is printed in results.md only while its target is missed.
import type { Results } from './results';
import type { ValidationRow } from './validationBench';

/** What the profiles show beyond the parse, since the server's fixes to locating problems and to judging secret names. */
const REMAINING_VALIDATION_COST =
  'Profile of the 1 MB api document (node --cpu-prof), after the server stopped re-scanning the document to locate problems (commit 9c41b00) and re-judging ' +
  'secret names (b4a0bc1): beyond the parse (`scanWellFormed`), the largest cost is `walk` in `checkFieldRules` (server/src/validation/fieldRules.ts), which visits every key of ' +
  'the configuration on every check (a property-schema lookup, the unknown-field, read-only and secret tests per key), then garbage collection of the built value. ' +
  'Fix, if it is still needed on a quiet machine: build once per compiled type a map from each schema node to its child schemas and to whether anything under it can raise a ' +
  'field rule (sensitive, readOnly, secret-named or pair-shaped properties, or properties not listed where ajv does not already report them), and skip the data under nodes that cannot.';

/** The worst document by the ratio of the fastest runs, which the machine's load disturbs least, to tell the load from the code. */
function minToMin(results: Results, ratio: (row: ValidationRow) => number, what: string, limit: number, higherIsBetter: boolean): string {
  const rows = results.validation.filter((r) => r.nominalBytes >= 100_000);
  if (rows.length === 0) return '';
  const worst = rows.reduce((a, b) => ((higherIsBetter ? ratio(b) < ratio(a) : ratio(b) > ratio(a)) ? b : a));
  const value = ratio(worst);
  const met = higherIsBetter ? value >= limit : value <= limit;
  return (
    `Taking each side's fastest run instead of the median, the worst ${what} over these documents is ${value.toFixed(1)}× (${worst.label})` +
    (met ? ': within the target, so this run\'s medians were pushed over it by the load on the machine rather than by the code.' : ': still outside the target.')
  );
}

interface Finding {
  /** The start of the TargetCheck names it explains. */
  target: string;
  title: string;
  text: (results: Results) => string;
}

const FINDINGS: Finding[] = [
  {
    target: 'Validation vs vscode-json-languageservice',
    title: 'Validation, speed-up over the reference',
    text: (results) => `${minToMin(results, (r) => r.reference.min / r.ours.min, 'speed-up', 3, true)} ${REMAINING_VALIDATION_COST}`,
  },
  {
    target: 'Validation vs the bare',
    title: 'Validation, ratio to the bare parse',
    text: (results) => `${minToMin(results, (r) => r.ours.min / r.parse.min, 'ratio to the parse', 2.5, false)} ${REMAINING_VALIDATION_COST}`,
  },
  {
    target: 'Round trip',
    title: 'Round trip',
    text: (results) =>
      `The check of a typical document takes well under a millisecond (validation table), and the same round trip with the debounce set to 0 stays near the protocol baseline ` +
      `(${results.protocolBaseline ? results.protocolBaseline.median.toFixed(1) : '?'} ms for a request answered at once): the remainder is the wake-up of an idle process when the debounce timer fires ` +
      'on this loaded machine, not the server\'s work. Nothing in the server to fix for it.',
  },
  {
    target: 'Catalog of 232 types',
    title: 'Catalog, first use',
    text: () =>
      'Profile of a cold worker: about two thirds of a type\'s first use is Ajv generating and evaluating the validator\'s code (`compileSchema` → `validateFunctionCode`), the rest reading ' +
      'and normalising the schema and the first check; the median first use is small, the tail comes from the larger schemas and from collections on a busy machine. ' +
      'Fix, if the tail matters on users\' machines: in `ValidatorCache.compile` (server/src/validation/validators.ts) keep Ajv\'s standalone code (`ajv/dist/standalone`, with ' +
      '`code: { source: true }`) per schema hash in a cache folder the client passes in initializationOptions, and load it with `require` in later sessions, so a schema is ' +
      'compiled once per version instead of once per session.',
  },
  {
    target: 'Activation',
    title: 'Activation',
    text: (results) =>
      `Profile and bundle analysis: (1) \`activate()\` in client/src/extension.ts awaits \`languageClient.start(...)\`, so activation waits for dist/server.js to spawn and answer initialize ` +
      `(${results.activation ? results.activation.serverStart.median.toFixed(0) : '?'} ms measured alone in this run). (2) undici is 523 KB of the 1.07 MB minified extension.js (esbuild metafile), ` +
      'and it is evaluated when the bundle is required, because core/src/api/client.ts and dispatcher.ts import it at the top, although no API call happens at activation. ' +
      'Fix: (1) in extension.ts start the client without awaiting it (`void languageClient.start(...).catch(...)`; its callers already wait in `ready()`); ' +
      '(2) load the API client on the first API call (client/src/apiSession.ts: `const { PolytomicClient } = await import(\'./api/client\')`), which esbuild keeps lazy in the bundle, ' +
      'so requiring extension.js evaluates about half as much code.',
  },
  {
    target: 'Completion p95',
    title: 'Completion',
    text: () =>
      'Earlier profile (since fixed in the server): jsonc-parser `getLocation` over `prefix + text.slice(sliceStart)` in server/src/features/locate.ts made V8 copy the rest of the document on ' +
      'every request. If this is missed again, look there first: bound the slice by the innermost container around the cursor.',
  },
];

export function findingsFor(results: Results): { title: string; text: string }[] {
  return FINDINGS.filter((finding) => results.targets.some((t) => !t.met && t.name.startsWith(finding.target))).map((finding) => ({ title: finding.title, text: finding.text(results) }));
}
