// Compiled ajv validators: one Ajv per catalog generation, one compiled function per type and one for the envelope,
// each compiled on first use and reused for every later check of every document.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../catalog/types';
import { linearRegExpEngine } from './linearRegExp';
import { schemaTooBig } from './schemaLimits';

/** Polytomic's own keywords (and ours): annotations for ajv, read by the server's own rules and the editing features. */
export const POLYTOMIC_KEYWORDS = [
  'sensitive',
  'password',
  'hidden',
  'api_field',
  'readonly',
  'widget',
  'suffix',
  'completions',
  'hierarchyCompletion',
  'api_description',
  'leafSelectableOnly',
  'defaultAll',
  'x-enum-labels',
];

export type CompileResult = { validate: ValidateFunction } | { error: string };

export function createAjv(): Ajv2020 {
  // strict:false so that a keyword a future live catalog adds is ignored instead of failing the compile;
  // validateSchema:false because the API's schemas are taken as they are (their odd defaults included).
  // optimize:false halves the compile time of a schema (about 3 ms instead of 6) for no measurable loss in validation.
  // ownProperties: a key inherited from Object.prototype (`constructor`, `toString`) is not a field of the document.
  // regExp: patterns run in linear time, whatever a served schema asks for (linearRegExp.ts).
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: false,
    logger: false,
    validateSchema: false,
    ownProperties: true,
    code: { optimize: false, regExp: linearRegExpEngine },
  });
  addFormats(ajv);
  ajv.addFormat('json', { type: 'string', validate: isJsonText });
  ajv.addVocabulary(POLYTOMIC_KEYWORDS);
  return ajv;
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export class ValidatorCache {
  private ajv = createAjv();
  private generation = -1;
  private byType = new Map<string, CompileResult>();
  private envelope: CompileResult | undefined;

  /** Drops every compiled function when the catalog generation moved on (a reload). */
  private sync(generation: number): void {
    if (generation === this.generation) return;
    this.generation = generation;
    this.ajv = createAjv();
    this.byType.clear();
    this.envelope = undefined;
  }

  forType(generation: number, id: string, schema: JsonSchema): CompileResult {
    this.sync(generation);
    let result = this.byType.get(id);
    if (!result) {
      result = this.compile(schema);
      this.byType.set(id, result);
    }
    return result;
  }

  forEnvelope(generation: number, schema: JsonSchema): CompileResult {
    this.sync(generation);
    this.envelope ??= this.compile(schema);
    return this.envelope;
  }

  private compile(schema: JsonSchema): CompileResult {
    const tooBig = schemaTooBig(schema);
    if (tooBig) return { error: tooBig };
    // $schema may name a draft this Ajv lacks. $id stays: `$ref`s resolve against it (a URN, a relative path). Two types
    // may declare the same $id, so it is removed from the Ajv's registry once compiled (the compiled function keeps
    // what it resolved).
    const { $schema: _schema, ...body } = schema;
    const id = typeof body.$id === 'string' ? body.$id : undefined;
    try {
      if (id !== undefined) this.ajv.removeSchema(id);
      return { validate: this.ajv.compile(body) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    } finally {
      if (id !== undefined) this.ajv.removeSchema(id);
    }
  }
}
