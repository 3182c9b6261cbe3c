// Completion latency at 100 positions of the 1 MB document (keys and values of header and parameter items, spread
// evenly), ours against vscode-json-languageservice's doComplete. "Warm" is the steady state while the cursor moves:
// each side has parsed the document version once (as both servers cache it). "After an edit" includes that parse.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completion } from '../../server/src/features/completion';
import { SkeletonCache } from '../../server/src/features/skeletonCache';
import { apiDocument, API_SIZES } from './documents';
import type { OurValidator } from './ourValidation';
import { referenceUri, type ReferenceService } from './referenceService';
import { now, summarise, type Summary } from './stats';

export interface CompletionSide {
  warm: Summary;
  afterEdit: Summary;
  /** Median number of items offered, a check that both answered. */
  medianItems: number;
}

export interface CompletionResult {
  bytes: number;
  positions: number;
  ours: CompletionSide;
  reference: CompletionSide;
}

const POSITIONS = 100;
/** Positions timed "after an edit": each needs a full parse, so fewer are taken. */
const AFTER_EDIT_POSITIONS = 20;
const SETTINGS = { snippetSupport: true };

/** Offsets inside item keys ("value") and item values ("name": "...") spread over the whole document. */
function completionOffsets(text: string): number[] {
  const keys = [...text.matchAll(/"value": /g)].map((m) => m.index + 2); // inside the key's quotes
  const values = [...text.matchAll(/"name": "/g)].map((m) => m.index + m[0].length); // just inside the value's quotes
  const offsets: number[] = [];
  for (let k = 0; k < POSITIONS; k++) {
    const list = k % 2 === 0 ? keys : values;
    offsets.push(list[Math.floor(((k + 0.5) * list.length) / POSITIONS)]);
  }
  return offsets;
}

async function timeEach<T>(offsets: number[], rounds: number, budgetMs: number, run: (offset: number) => Promise<T> | T, count: (answer: T) => number): Promise<{ summary: Summary; medianItems: number }> {
  const samples: number[] = [];
  const items: number[] = [];
  let spent = 0;
  for (let round = 0; round < rounds && (round === 0 || spent < budgetMs); round++) {
    for (const offset of offsets) {
      const start = now();
      const answer = await run(offset);
      const elapsed = now() - start;
      samples.push(elapsed);
      spent += elapsed;
      items.push(count(answer));
    }
  }
  items.sort((a, b) => a - b);
  return { summary: summarise(samples), medianItems: items[Math.floor(items.length / 2)] };
}

export async function benchCompletion(ours: OurValidator, reference: ReferenceService): Promise<CompletionResult> {
  const size = API_SIZES.find((s) => s.key === '1MB')!;
  const text = apiDocument(size, false).text;
  const offsets = completionOffsets(text);
  const afterEditOffsets = offsets.filter((_, i) => i % (POSITIONS / AFTER_EDIT_POSITIONS) === 0);
  const uri = referenceUri('api', 'completion');
  const skeletons = new SkeletonCache(ours.catalog);
  const countItems = (list: { items: unknown[] }) => list.items.length;

  // Ours, warm: one document version, parsed on the first request and reused (server/src/features/parsedDocuments.ts).
  const oursDocument = TextDocument.create(uri, 'polytomic', 1, text);
  for (const offset of offsets) completion(oursDocument, offset, ours.catalog, skeletons, SETTINGS);
  const oursWarm = await timeEach(offsets, 5, 3000, (offset) => completion(oursDocument, offset, ours.catalog, skeletons, SETTINGS), countItems);
  let version = 2;
  const oursAfterEdit = await timeEach(afterEditOffsets, 1, 0, (offset) => completion(TextDocument.create(uri, 'polytomic', version++, text), offset, ours.catalog, skeletons, SETTINGS), countItems);

  // Reference, warm: parseJSONDocument once, doComplete at each position.
  const referenceDocument = TextDocument.create(uri, 'json', 1, text);
  const parsed = reference.parse(referenceDocument);
  for (const offset of offsets.slice(0, 10)) await reference.complete(referenceDocument, referenceDocument.positionAt(offset), parsed);
  const referenceWarm = await timeEach(offsets, 5, 3000, (offset) => reference.complete(referenceDocument, referenceDocument.positionAt(offset), parsed), countItems);
  const referenceAfterEdit = await timeEach(afterEditOffsets, 1, 0, (offset) => {
    const document = TextDocument.create(uri, 'json', version++, text);
    return reference.complete(document, document.positionAt(offset), reference.parse(document));
  }, countItems);

  return {
    bytes: Buffer.byteLength(text, 'utf8'),
    positions: offsets.length,
    ours: { warm: oursWarm.summary, afterEdit: oursAfterEdit.summary, medianItems: oursWarm.medianItems },
    reference: { warm: referenceWarm.summary, afterEdit: referenceAfterEdit.summary, medianItems: referenceWarm.medianItems },
  };
}
