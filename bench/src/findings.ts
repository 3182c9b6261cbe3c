// What profiling (node --cpu-prof) found behind a missed target, and the fix proposed to the owner of the code.
// Shown in results.md only while that target is missed.
import type { TargetCheck } from './targets';

interface Finding {
  /** The start of the TargetCheck name it explains. */
  target: string;
  text: string;
}

const FINDINGS: Finding[] = [
  {
    target: 'Completion p95',
    text:
      'Profile: almost all of the time is jsonc-parser `getLocation` scanning, called from `locate()` in server/src/features/locate.ts. ' +
      '`locate()` passes `prefix + text.slice(sliceStart)`: the concatenation makes V8 flatten (copy) everything from the cursor\'s container to the end ' +
      'of the document on every request, so latency grows with the text after the cursor (about 13 ms near the start of the 1 MB document, 0.1 ms near its end). ' +
      'Fix: bound the slice by the innermost container, `text.slice(sliceStart, container.offset + container.length)` (or by the end of the member at the cursor); ' +
      'getLocation never needs text past the cursor\'s token. Measured on the same text: 13.2 ms → 0.014 ms per call.',
  },
  {
    target: 'Activation',
    text:
      'Profile: `activate()` in client/src/extension.ts awaits `languageClient.start(...)`, so activation includes spawning dist/server.js and its initialize ' +
      'handshake (most of the idle time in the profile); and requiring dist/extension.js evaluates undici eagerly (client/src/api/client.ts and dispatcher.ts import it at the top), ' +
      'the largest single module at load. Fix: (1) in extension.ts start the client without awaiting it (`void languageClient.start(...).catch(...)`: its callers already wait in `ready()`); ' +
      '(2) load the API client lazily where the first session is made (client/src/apiSession.ts: `const { PolytomicClient } = await import(\'./api/client\')`), which esbuild keeps lazy in the bundle.',
  },
];

export function findingsFor(targets: TargetCheck[]): Finding[] {
  return FINDINGS.filter((finding) => targets.some((t) => !t.met && t.name.startsWith(finding.target)));
}
