// Checks the project's own catalog (schemas/catalog) and envelope schema (schemas/connection.schema.json):
// well-formed, consistent with its index, compilable, free of copied upstream ids, and, for every type that the
// real snapshot in ../shared/data/connection-types also has, agreeing with it on required and sensitive fields.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

const repoRoot = resolve(__dirname, '..', '..', '..');
const schemasDir = resolve(repoRoot, 'schemas');
const catalogDir = resolve(schemasDir, 'catalog');
const envelopePath = resolve(schemasDir, 'connection.schema.json');
const realCatalogDir = resolve(repoRoot, '..', 'shared', 'data', 'connection-types');

const OUR_ID_BASE = 'https://polytomic-connections.dev/schemas/catalog/';
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function catalogFiles(): string[] {
  return readdirSync(catalogDir).sort();
}

function bundledTypeIds(): string[] {
  return catalogFiles()
    .filter((name) => name !== 'index.json')
    .map((name) => name.replace(/\.json$/, ''));
}

function loadTypeSchema(dir: string, id: string): Json {
  return readJson(resolve(dir, `${id}.json`)) as Json;
}

/** An ajv for draft 2020-12 that knows the dialect's formats, including Polytomic's `json` (a string holding JSON). */
function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('json', {
    type: 'string',
    validate: (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    },
  });
  return ajv;
}

/** Turns `{value, label}` enum entries into plain values, so ajv checks the values a file actually holds. */
function withPlainEnums(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withPlainEnums);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'enum' && Array.isArray(value)) {
      out[key] = value.map((entry) =>
        entry !== null && typeof entry === 'object' && 'value' in entry ? (entry as Json).value : entry,
      );
    } else {
      out[key] = withPlainEnums(value);
    }
  }
  return out;
}

function topLevelProperties(schema: Json): Record<string, Json> {
  return (schema.properties ?? {}) as Record<string, Json>;
}

function requiredSet(schema: Json): string[] {
  return [...((schema.required as string[] | undefined) ?? [])].sort();
}

function sensitiveSet(schema: Json): string[] {
  return Object.entries(topLevelProperties(schema))
    .filter(([, field]) => field.sensitive === true)
    .map(([name]) => name)
    .sort();
}

/** Every field schema below `schema`, with a readable path, walking `properties` and `items`. */
function* fieldSchemas(schema: Json, path: string): Generator<[string, Json]> {
  for (const [name, field] of Object.entries(topLevelProperties(schema))) {
    const fieldPath = `${path}.${name}`;
    yield [fieldPath, field];
    yield* fieldSchemas(field, fieldPath);
    if (field.items && typeof field.items === 'object') yield* fieldSchemas(field.items as Json, `${fieldPath}[]`);
  }
}

function errorsOf(validate: { errors?: unknown }): string {
  return JSON.stringify(validate.errors ?? []);
}

describe('bundled catalog files', () => {
  test('every file in schemas/catalog is a .json file that parses', () => {
    const files = catalogFiles();
    assert.ok(files.includes('index.json'), 'schemas/catalog/index.json exists');
    for (const name of files) {
      assert.match(name, /^[a-z0-9_]+\.json$/, `${name} is named <id>.json`);
      readJson(resolve(catalogDir, name));
    }
  });

  test('index.json has the API layout and lists exactly the schema files present', () => {
    const index = readJson(resolve(catalogDir, 'index.json'));
    const realIndex = readJson(resolve(realCatalogDir, 'index.json'));
    // Same top-level shape as the real snapshot: a bare array of types, not a {data} envelope.
    assert.equal(Array.isArray(realIndex), true, 'the real index is a bare array');
    assert.ok(Array.isArray(index), 'index.json is a bare array');
    const ids: string[] = [];
    for (const entry of index as Json[]) {
      assert.deepEqual(Object.keys(entry).sort(), ['id', 'name', 'use_oauth'], `entry ${JSON.stringify(entry)}`);
      assert.equal(typeof entry.id, 'string');
      assert.equal(typeof entry.name, 'string');
      assert.equal(typeof entry.use_oauth, 'boolean');
      ids.push(entry.id as string);
    }
    assert.equal(new Set(ids).size, ids.length, 'no id is listed twice');
    assert.deepEqual([...ids].sort(), bundledTypeIds());
  });

  test('index entries agree with the real type list on name and use_oauth', () => {
    const realById = new Map((readJson(resolve(realCatalogDir, 'index.json')) as Json[]).map((e) => [e.id, e]));
    for (const entry of readJson(resolve(catalogDir, 'index.json')) as Json[]) {
      const real = realById.get(entry.id);
      assert.ok(real, `${String(entry.id)} is a real connection type id`);
      assert.equal(entry.name, real.name, `${String(entry.id)}: name`);
      assert.equal(entry.use_oauth, real.use_oauth, `${String(entry.id)}: use_oauth`);
    }
  });

  test('the core types are bundled', () => {
    const core = ['api', 'postgresql', 'mysql', 'mssql', 'redshift', 'snowflake', 'bigquery', 'databricks', 's3', 'gcs',
      'azureblob', 'sftp', 'mongodb', 'salesforce', 'hubspot', 'stripe', 'zendesk_support', 'webhook', 'gsheets'];
    const bundled = new Set(bundledTypeIds());
    assert.deepEqual(core.filter((id) => !bundled.has(id)), []);
  });

  test('no file under schemas/ refers to the upstream schema ids', () => {
    const paths = [envelopePath, ...catalogFiles().map((name) => resolve(catalogDir, name))];
    for (const path of paths) {
      assert.equal(readFileSync(path, 'utf8').toLowerCase().includes('github.com/polytomic/app'), false, path);
    }
  });
});

describe('bundled type schemas', () => {
  for (const id of bundledTypeIds()) {
    test(`${id}: a draft 2020-12 object schema with our $id that compiles`, () => {
      const schema = loadTypeSchema(catalogDir, id);
      assert.equal(schema.$schema, DRAFT_2020);
      assert.equal(schema.$id, `${OUR_ID_BASE}${id}.json`);
      assert.equal(schema.type, 'object');
      assert.equal(typeof schema.title, 'string');
      for (const name of requiredSet(schema)) {
        assert.ok(name in topLevelProperties(schema), `required field ${name} is declared in properties`);
      }
      newAjv().compile(schema);
    });

    test(`${id}: every default and example is a valid value of its field`, () => {
      const ajv = newAjv();
      for (const [path, field] of fieldSchemas(loadTypeSchema(catalogDir, id), id)) {
        const validate = ajv.compile(withPlainEnums(field) as Json);
        if ('default' in field) assert.ok(validate(field.default), `${path} default: ${errorsOf(validate)}`);
        for (const example of (field.examples as unknown[] | undefined) ?? []) {
          assert.ok(validate(example), `${path} example ${JSON.stringify(example)}: ${errorsOf(validate)}`);
        }
      }
    });
  }
});

describe('bundled schemas agree with the real catalog snapshot', () => {
  const realIds = new Set(readdirSync(realCatalogDir).map((name) => name.replace(/\.json$/, '')));
  for (const id of bundledTypeIds().filter((bundledId) => realIds.has(bundledId))) {
    test(`${id}: same required fields and same top-level sensitive fields`, () => {
      const ours = loadTypeSchema(catalogDir, id);
      const real = loadTypeSchema(realCatalogDir, id);
      assert.deepEqual(requiredSet(ours), requiredSet(real), 'required');
      assert.deepEqual(sensitiveSet(ours), sensitiveSet(real), 'sensitive');
    });
  }
});

describe('envelope schema', () => {
  const envelope = readJson(envelopePath) as Json;

  test('is a draft 2020-12 schema with our $id and the API body fields', () => {
    assert.equal(envelope.$schema, DRAFT_2020);
    assert.equal(envelope.$id, 'https://polytomic-connections.dev/schemas/connection.schema.json');
    assert.deepEqual(requiredSet(envelope), ['configuration', 'name', 'type']);
    assert.deepEqual(Object.keys(topLevelProperties(envelope)).sort(), [
      '$schema', 'configuration', 'force_destroy', 'healthcheck_interval', 'id', 'name', 'organization_id', 'policies',
      'type', 'validate',
    ]);
    for (const [name, field] of Object.entries(topLevelProperties(envelope))) {
      assert.equal(typeof field.title, 'string', `${name} has a title`);
      assert.equal(typeof field.description, 'string', `${name} has a description`);
    }
  });

  test('accepts a complete file', () => {
    const validate = newAjv().compile(envelope);
    const file = {
      $schema: 'https://polytomic-connections.dev/schemas/connection.schema.json',
      id: '0b2c4a6e-8d1f-4e3a-9b5c-7d9e1f2a3b4c',
      name: 'Warehouse',
      type: 'snowflake',
      configuration: { account: 'myorg-myaccount' },
      organization_id: '5f1e2d3c-4b5a-4978-8a6b-1c2d3e4f5a6b',
      policies: ['7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d'],
      healthcheck_interval: '1h30m15.5s',
      validate: false,
      force_destroy: true,
    };
    assert.ok(validate(file), errorsOf(validate));
  });

  const rejected: [string, Json, string][] = [
    ['a missing name', { type: 'api', configuration: {} }, 'required'],
    ['an empty name', { name: '', type: 'api', configuration: {} }, 'minLength'],
    ['a configuration that is not an object', { name: 'x', type: 'api', configuration: 'url=https://x' }, 'type'],
    ['an unknown top-level key', { name: 'x', type: 'api', configuration: {}, reconnect: true }, 'additionalProperties'],
    ['a healthcheck_interval without units', { name: 'x', type: 'api', configuration: {}, healthcheck_interval: '90' }, 'pattern'],
    ['an id that is not a UUID', { name: 'x', type: 'api', configuration: {}, id: 'conn-1' }, 'format'],
    ['a policy that is not a UUID', { name: 'x', type: 'api', configuration: {}, policies: ['admins'] }, 'format'],
  ];
  for (const [what, file, keyword] of rejected) {
    test(`rejects ${what}`, () => {
      const validate = newAjv().compile(envelope);
      assert.equal(validate(file), false);
      assert.ok(validate.errors?.some((error) => error.keyword === keyword), errorsOf(validate));
    });
  }
});

describe('the product documentation examples', () => {
  const examples: Json[] = [
    {
      name: 'example',
      type: 'api',
      configuration: { url: 'https://example.com', healthcheck: 'https://example.com/healthz', body: '{"key":"value"}' },
    },
    {
      name: 'My Postgres Connection',
      type: 'postgresql',
      configuration: {
        hostname: 'postgres.example.com',
        port: 5432,
        database: 'example',
        username: 'user',
        password: '${env:PG_PASSWORD}',
      },
    },
  ];
  for (const file of examples) {
    test(`"${String(file.name)}" validates against the envelope and the ${String(file.type)} schema`, () => {
      const ajv = newAjv();
      const validateEnvelope = ajv.compile(readJson(envelopePath) as Json);
      assert.ok(validateEnvelope(file), errorsOf(validateEnvelope));
      const validateConfiguration = ajv.compile(withPlainEnums(loadTypeSchema(catalogDir, String(file.type))) as Json);
      assert.ok(validateConfiguration(file.configuration), errorsOf(validateConfiguration));
    });

    test(`"${String(file.name)}" fails the ${String(file.type)} schema when a required field is missing or mistyped`, () => {
      const schema = withPlainEnums(loadTypeSchema(catalogDir, String(file.type))) as Json;
      const validate = newAjv().compile(schema);
      const configuration = file.configuration as Json;
      for (const name of requiredSet(schema)) {
        const { [name]: _removed, ...without } = configuration;
        assert.equal(validate(without), false, `without ${name}`);
        assert.equal(validate({ ...configuration, [name]: [] }), false, `${name} as an array`);
      }
    });
  }
});
