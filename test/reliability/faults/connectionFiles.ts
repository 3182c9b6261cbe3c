// A workspace of connection files for the apply runs: one file per connection, the types taken in turn from a
// catalog, each holding its required fields plus every sensitive field as an `${env:NAME}` placeholder. The values
// behind the placeholders are generated secrets the leak checks then search for.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prng } from '../support/prng';
import { objectForSchema } from '../support/schemaValues';
import { catalogTypeIds } from '../fuzz/baseDocuments';

export interface GeneratedWorkspace {
  dir: string;
  files: string[];
  /** Environment the placeholders resolve from: every value in it is a secret. */
  env: Record<string, string>;
}

type SchemaNode = Record<string, unknown>;

/** Top-level properties the schema marks sensitive, as `${env:...}` placeholders named after the file and field. */
function sensitivePlaceholders(schema: SchemaNode, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
  for (const [name, property] of Object.entries(properties)) {
    if (property?.sensitive === true && property.type === 'string' && !Array.isArray(property.enum)) {
      out[name] = `\${env:${`${prefix}_${name}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}}`;
    }
  }
  return out;
}

export function generateWorkspace(options: { dir: string; count: number; seed: number; catalogDir: string; types?: string[] }): GeneratedWorkspace {
  const prng = new Prng(options.seed);
  const types = options.types ?? catalogTypeIds(options.catalogDir);
  const schemas = new Map<string, SchemaNode>();
  const env: Record<string, string> = {};
  const files: string[] = [];
  mkdirSync(options.dir, { recursive: true });
  for (let i = 0; i < options.count; i++) {
    const type = types[i % types.length];
    if (!schemas.has(type)) schemas.set(type, JSON.parse(readFileSync(join(options.catalogDir, `${type}.json`), 'utf8')) as SchemaNode);
    const schema = schemas.get(type)!;
    const prefix = `conn_${i}`;
    const configuration = { ...objectForSchema(schema, { fields: 'required', placeholderPrefix: prefix }), ...sensitivePlaceholders(schema, prefix) };
    const text = JSON.stringify(configuration).replace(/\$\{env:([A-Z0-9_]+)\}/g, (whole, name: string) => {
      env[name] = `sv-${i}-${prng.int(2 ** 30).toString(36)}-${prng.int(2 ** 30).toString(36)}`;
      return whole;
    });
    const body = { name: `Reliability ${String(i).padStart(4, '0')} (${type})`, type, configuration: JSON.parse(text) as unknown, validate: false };
    const file = join(options.dir, `conn-${String(i).padStart(4, '0')}.polytomic.json`);
    writeFileSync(file, `// generated for the fault-injection apply run\n${JSON.stringify(body, null, 2)}\n`);
    files.push(file);
  }
  return { dir: options.dir, files, env };
}
