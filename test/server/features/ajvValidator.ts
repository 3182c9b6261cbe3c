// Plain ajv (draft 2020-12) for checking generated documents against normalised schemas, independent of the server's
// own validation: Polytomic's extra keywords are allowed, and `format: "json"` means a string holding JSON.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../../../server/src/catalog/types';

export function schemaErrors(schema: JsonSchema, value: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('json', (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  });
  const { $schema: _dialect, $id: _id, ...body } = schema;
  const validate = ajv.compile(body);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
