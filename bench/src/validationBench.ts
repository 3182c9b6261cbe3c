// Validation of the generated documents: the bare jsonc-parser parse (the floor), our server's validation path and
// vscode-json-languageservice, on the same documents and schemas in the same process, timed in rotation.
import { parse, type ParseError } from 'jsonc-parser';
import { PARSE_OPTIONS } from '../../server/src/validation/parseDocument';
import { validationDocuments, type BenchDocument } from './documents';
import { OurValidator } from './ourValidation';
import { ReferenceService, referenceUri } from './referenceService';
import { measureInterleaved, type MeasureOptions, type Summary } from './stats';

export interface ValidationRow {
  key: string;
  label: string;
  bytes: number;
  /** The size the document was generated for: "100 KB" documents may be a few bytes under 100,000. */
  nominalBytes: number;
  parse: Summary;
  ours: Summary;
  reference: Summary;
  /** Diagnostics reported by each (schema errors are warnings in vscode-json-languageservice), a check that both did the same job. */
  oursFound: number;
  referenceFound: number;
  plantedErrors: number;
}

function budgetFor(bytes: number): MeasureOptions {
  if (bytes >= 2_000_000) return { warmup: 1, minRuns: 7, maxRuns: 9, budgetMs: 1500 };
  if (bytes >= 500_000) return { warmup: 2, minRuns: 21, maxRuns: 41, budgetMs: 1000 };
  return { warmup: 20, minRuns: 30, maxRuns: 1000, budgetMs: 400 };
}

export async function benchValidation(ours: OurValidator, reference: ReferenceService, log: (line: string) => void): Promise<ValidationRow[]> {
  const rows: ValidationRow[] = [];
  for (const document of validationDocuments()) {
    rows.push(await benchDocument(document, ours, reference));
    const row = rows[rows.length - 1];
    log(`  ${row.label.padEnd(30)} parse ${row.parse.median.toFixed(2)} ms, ours ${row.ours.median.toFixed(2)} ms, reference ${row.reference.median.toFixed(2)} ms`);
  }
  return rows;
}

async function benchDocument(document: BenchDocument, ours: OurValidator, reference: ReferenceService): Promise<ValidationRow> {
  const { text, type } = document;
  const uri = referenceUri(type, document.key);
  const options = budgetFor(text.length);
  const oursDiagnostics = await ours.validate(uri, text);
  const referenceDiagnostics = await reference.validate(type, text);
  const [parseSummary, oursSummary, referenceSummary] = await measureInterleaved(
    [
      () => {
        const errors: ParseError[] = [];
        parse(text, errors, PARSE_OPTIONS);
      },
      () => ours.validate(uri, text),
      () => reference.validate(type, text),
    ],
    options,
  );
  return {
    key: document.key,
    label: document.label,
    bytes: Buffer.byteLength(text, 'utf8'),
    nominalBytes: document.nominalBytes,
    parse: parseSummary,
    ours: oursSummary,
    reference: referenceSummary,
    oursFound: oursDiagnostics.length,
    referenceFound: referenceDiagnostics.length,
    plantedErrors: document.plantedErrors,
  };
}
