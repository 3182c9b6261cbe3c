import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { apiDocument, API_SIZES, validationDocuments } from '../src/documents';
import { createCatalog, OurValidator } from '../src/ourValidation';
import { SHARED_CATALOG } from '../src/paths';
import { ReferenceService } from '../src/referenceService';

describe('generated documents', () => {
  test('are the same on every run (seeded)', () => {
    const small = API_SIZES[0];
    assert.equal(apiDocument(small, true).text, apiDocument(small, true).text);
    assert.notEqual(apiDocument(small, true).text, apiDocument(small, false).text);
  });

  test('the 100 KB and 1 MB api documents are within 1% of their size', () => {
    for (const size of API_SIZES.filter((s) => s.key === '100KB' || s.key === '1MB')) {
      const bytes = Buffer.byteLength(apiDocument(size, false).text, 'utf8');
      assert.ok(Math.abs(bytes - size.bytes) / size.bytes < 0.01, `${size.key}: ${bytes} bytes`);
    }
  });

  test('every small document is well-formed JSON with comments', () => {
    for (const document of validationDocuments().filter((d) => d.text.length < 200_000)) {
      const errors: unknown[] = [];
      parse(document.text, errors as never, { allowTrailingComma: false });
      assert.deepEqual(errors, [], document.key);
    }
  });

  test('ours and the reference find exactly the planted problems, and none in the valid documents', async () => {
    const catalog = createCatalog([SHARED_CATALOG]);
    const ours = new OurValidator(catalog);
    const reference = new ReferenceService(catalog, ['api', 'postgresql', 'snowflake', 's3']);
    for (const document of validationDocuments().filter((d) => d.text.length < 200_000)) {
      const found = await ours.validate(`file:///test/${document.key}.polytomic.json`, document.text);
      const referenceFound = await reference.validate(document.type, document.text);
      assert.equal(found.length, document.plantedErrors, `${document.key}: ${found.map((d) => d.message).join('; ')}`);
      assert.equal(referenceFound.length, document.plantedErrors, `${document.key} (reference): ${referenceFound.map((d) => d.message).join('; ')}`);
    }
  });
});
