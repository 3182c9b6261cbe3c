// What profiling (node --cpu-prof on the benchmark's own documents) found behind a missed target, and the fix proposed
// to the owner of that code. A finding is printed in results.md only while its target is missed.
import type { Results } from './results';

interface Finding {
  /** The start of the TargetCheck names it explains. */
  target: string;
  title: string;
  text: (results: Results) => string;
}

const FINDINGS: Finding[] = [
  {
    target: 'Validation vs',
    title: 'Validation (speed-up over the reference, ratio to the parse)',
    text: () =>
      'Profiles of the 1 MB and 5 MB api documents: (1) with any problem, `locateAll` (server/src/validation/locate.ts, `collectSpans`) runs jsonc-parser `visit` over the whole ' +
      'document; returning false from onObjectBegin/onArrayBegin skips the callbacks but the scanner still reads every token, so one error costs a second full pass, as much as ' +
      'the parse itself (this is most of the gap between the valid and the with-errors rows). Fix: let `scanWellFormed` (server/src/validation/scanDocument.ts) record the start offset of ' +
      'each object and array it meets, in document order (one number per container), and have `locateAll` walk a problem\'s path through those offsets and scan only the innermost ' +
      'container on it, so locating costs the size of the failing item, not of the document. (2) `isSecretName` (server/src/util/secretNames.ts) remembers at most 10,000 names and then ' +
      'stops remembering; the 5 MB document has about 45,000 header and parameter names, so every check re-judges most of them (`judgeName`: a regex replace and split per name, ' +
      'about 0.1 s per check of the 5 MB document). Fix: evict (drop the oldest, or clear the map when full) instead of ignoring new names, and in `credentialPairName` ' +
      '(server/src/validation/fieldRules.ts) judge the name only when `value` is a non-empty literal string. (3) The rest is garbage collection of the value built for a large ' +
      'document, which the reference pays as well.',
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
      'and it is evaluated when the bundle is required, because client/src/api/client.ts and dispatcher.ts import it at the top, although no API call happens at activation. ' +
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
