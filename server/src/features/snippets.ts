// Insert texts for completion, as LSP snippets (`"port": ${1:5432}`) or as plain text for clients without snippets.
import type { JsonSchema } from '../catalog/types';
import { enumEntries, initialValue, isSensitive } from './schemaFields';

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** The value inserted for a new field, as a snippet with the value (or the env variable's name) selected. */
export function valueSnippet(schema: JsonSchema, envName: string): string {
  const { value } = initialValue(schema, envName);
  const choices = enumEntries(schema).map((entry) => entry.value);
  if (choices.length > 1 && (schema.default === undefined || choices.includes(schema.default))) {
    return choiceSnippet(choices, value);
  }
  if (isSensitive(schema) && value === `\${env:${envName}}`) {
    return `"\\\${env:\${1:${escapeSnippet(envName)}}\\}"`;
  }
  if (typeof value === 'string') {
    const inner = JSON.stringify(value).slice(1, -1);
    return inner === '' ? '"$1"' : `"\${1:${escapeSnippet(inner)}}"`;
  }
  if (Array.isArray(value) && value.length === 0) return '[$1]';
  if (value !== null && typeof value === 'object' && Object.keys(value).length === 0) return '{$1}';
  return `\${1:${escapeSnippet(JSON.stringify(value))}}`;
}

/** `"${1|a,b|}"`: the allowed values as a snippet choice, the initial one first (inside a choice only `\ , |` escape). */
function choiceSnippet(values: unknown[], initial: unknown): string {
  const ordered = [initial, ...values.filter((v) => v !== initial)];
  const allStrings = ordered.every((v) => typeof v === 'string');
  const texts = ordered.map((v) => (allStrings ? JSON.stringify(v).slice(1, -1) : JSON.stringify(v)));
  const body = `\${1|${texts.map((t) => t.replace(/[\\|,]/g, (ch) => `\\${ch}`)).join(',')}|}`;
  return allStrings ? `"${body}"` : body;
}

/** The same value as plain JSON text. */
export function valueText(schema: JsonSchema, envName: string): string {
  return JSON.stringify(initialValue(schema, envName).value);
}
