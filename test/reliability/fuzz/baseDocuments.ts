// The fuzzer's seeds: one valid connection file per type id of the shared catalog, every schema property filled,
// written the way people write them (comments, two-space indent; some with CRLF or tabs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { objectForSchema } from '../support/schemaValues';

export interface BaseDocument {
  type: string;
  text: string;
}

/** The type ids of a catalog folder's index.json. */
export function catalogTypeIds(catalogDir: string): string[] {
  const index = JSON.parse(readFileSync(join(catalogDir, 'index.json'), 'utf8')) as Array<{ id?: unknown }>;
  return index.map((entry) => entry.id).filter((id): id is string => typeof id === 'string');
}

function render(type: string, configuration: Record<string, unknown>, style: number): string {
  const body = JSON.stringify({ name: `Fuzz ${type}`, type, configuration, validate: false }, null, style === 2 ? '\t' : 2);
  const text = `// ${type}: generated from its schema\n${body.replace(/^\{/, '{\n  /* the envelope */')}\n`;
  return style === 1 ? text.replace(/\n/g, '\r\n') : text;
}

export function baseDocuments(catalogDir: string): BaseDocument[] {
  return catalogTypeIds(catalogDir).map((type, i) => {
    const schema: unknown = JSON.parse(readFileSync(join(catalogDir, `${type}.json`), 'utf8'));
    const configuration = objectForSchema(schema, { fields: 'all', placeholderPrefix: type });
    return { type, text: render(type, configuration, i % 3) };
  });
}
