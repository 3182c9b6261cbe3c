// A required field left as an empty string passes the schema (a string is a string) but cannot work: a warning says
// so, on the value, so that a skeleton's blanks are not sent by accident. Fields whose schema sets minLength get the
// schema's own error instead.
import type { JsonSchema } from '../catalog/types';
import { isPlainObject } from '../catalog/dialect';
import { Code } from '../diagnostics/codes';
import type { Problem } from './problem';

export function emptyRequiredProblems(configuration: Record<string, unknown>, schema: JsonSchema): Problem[] {
  const required = Array.isArray((schema as { required?: unknown }).required) ? ((schema as { required: unknown[] }).required as unknown[]) : [];
  const properties = isPlainObject((schema as { properties?: unknown }).properties) ? ((schema as { properties: Record<string, unknown> }).properties) : {};
  const problems: Problem[] = [];
  for (const key of required) {
    if (typeof key !== 'string' || configuration[key] !== '') continue;
    const property = properties[key];
    if (isPlainObject(property) && typeof property.minLength === 'number' && property.minLength > 0) continue;
    problems.push({
      code: Code.emptyRequired,
      severity: 'warning',
      message: `\`${key}\` is required and still empty: fill it in before sending`,
      path: ['configuration', key],
      target: 'value',
    });
  }
  return problems;
}
