// All 232 real connection types (../shared/data/connection-types, test data read in place) through the server's own
// catalog: each yields a skeleton that validates, and completion and hover inside its configuration without throwing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { FolderCatalog } from '../../../server/src/catalog/folderCatalog';
import { completion } from '../../../server/src/features/completion';
import { hover } from '../../../server/src/features/hover';
import { buildSkeleton } from '../../../server/src/features/skeleton';
import { SkeletonCache } from '../../../server/src/features/skeletonCache';
import { documentOf } from './caret';
import { schemaErrors } from './ajvValidator';
import { REAL_CATALOG, REPO_ROOT } from './testCatalog';

describe('the real connection types', { skip: !existsSync(join(REAL_CATALOG, 'index.json')) && 'the real catalog is not next to the repository' }, () => {
  const logged: string[] = [];
  const catalog = new FolderCatalog({ catalogDirs: [REAL_CATALOG], schemasFolder: join(REPO_ROOT, 'schemas'), log: (m) => logged.push(m) });
  const real = catalog.listTypes().filter((t) => t.catalogDir === REAL_CATALOG);
  const skeletons = new SkeletonCache(catalog);

  test('all 232 are listed from the real catalog', () => {
    assert.equal(real.length, 232);
  });

  test('every type gets a skeleton whose configuration validates against its schema', () => {
    const failures: string[] = [];
    for (const type of real) {
      const value = parse(buildSkeleton(catalog, type.id));
      assert.equal(value.type, type.id);
      const errors = schemaErrors(catalog.getConfigurationSchema(type.id) ?? {}, value.configuration);
      if (errors.length > 0) failures.push(`${type.id}: ${errors.join('; ')}`);
    }
    assert.deepEqual(failures, []);
  });

  test('every type: completion of keys and values, and hover, inside the configuration', () => {
    let offered = 0;
    for (const type of real) {
      const text = `{\n  "name": "n",\n  "type": "${type.id}",\n  "configuration": {\n    \n  }\n}\n`;
      const document = documentOf(text);
      const keys = completion(document, text.indexOf('    \n') + 4, catalog, skeletons, { snippetSupport: true }).items;
      const schema = catalog.getConfigurationSchema(type.id) ?? {};
      const suggestible = Object.values(schema.properties ?? {}).filter((p) => p.readOnly !== true && !(p.hidden === true && p.api_field !== true));
      assert.equal(keys.length, suggestible.length, `${type.id}: one item per settable field`);
      offered += keys.length;
      // Insert the first key and ask for its value and hover there.
      const first = keys[0];
      if (!first) continue;
      const key = String(first.label);
      const withKey = text.replace('    \n', `    ${JSON.stringify(key)}: \n`);
      const valueOffset = withKey.indexOf(`${JSON.stringify(key)}: `) + key.length + 4;
      const valueDocument = documentOf(withKey);
      completion(valueDocument, valueOffset, catalog, skeletons, { snippetSupport: false });
      const shown = hover(valueDocument, withKey.indexOf(JSON.stringify(key)) + 1, catalog);
      assert.ok(shown, `${type.id}: hover on ${key}`);
    }
    assert.ok(offered > 500, `keys offered over all types: ${offered}`);
  });

  test('an empty document offers a skeleton for each of them', () => {
    const items = completion(documentOf(''), 0, catalog, skeletons, { snippetSupport: true }).items;
    for (const type of real) assert.ok(items.some((i) => i.detail === type.id), type.id);
  });
});
