// Validation across every real connection type: one document per type (the server's own skeleton for it, which holds
// every required field), all of them validated in one pass, ours against vscode-json-languageservice, warm.
import { buildSkeleton } from '../../server/src/features/skeleton';
import type { OurValidator } from './ourValidation';
import { referenceUri, type ReferenceService } from './referenceService';
import { measureInterleaved, type Summary } from './stats';

export interface CatalogTypesResult {
  types: number;
  totalBytes: number;
  /** One pass over all the documents. */
  ours: Summary;
  reference: Summary;
  /** Documents on which each reported at least one diagnostic (skeletons are meant to be valid). */
  oursFlagged: string[];
  referenceFlagged: string[];
}

export async function benchCatalogTypes(ours: OurValidator, reference: ReferenceService): Promise<CatalogTypesResult> {
  const documents = ours.catalog.listTypes().map((type) => ({ type: type.id, uri: referenceUri(type.id, 'skeleton'), text: buildSkeleton(ours.catalog, type.id) }));
  const oursFlagged: string[] = [];
  const referenceFlagged: string[] = [];
  for (const document of documents) {
    if ((await ours.validate(document.uri, document.text)).length > 0) oursFlagged.push(document.type);
    if ((await reference.validate(document.type, document.text)).length > 0) referenceFlagged.push(document.type);
  }
  const options = { warmup: 2, minRuns: 10, maxRuns: 100, budgetMs: 1500 };
  const [oursSummary, referenceSummary] = await measureInterleaved(
    [
      async () => {
        for (const document of documents) await ours.validate(document.uri, document.text);
      },
      async () => {
        for (const document of documents) await reference.validate(document.type, document.text);
      },
    ],
    options,
  );
  return {
    types: documents.length,
    totalBytes: documents.reduce((sum, d) => sum + Buffer.byteLength(d.text, 'utf8'), 0),
    ours: oursSummary,
    reference: referenceSummary,
    oursFlagged,
    referenceFlagged,
  };
}
