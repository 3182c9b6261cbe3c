// The markdown that describes one field, shared by hover and completion documentation: title, description, type,
// default, allowed values with their labels, and whether it is required, sensitive, read-only or hidden.
import type { JsonSchema } from '../catalog/types';
import { enumEntries, isReadOnly, isSensitive, typeSummary } from './schemaFields';

export interface FieldFacts {
  key: string;
  schema: JsonSchema;
  required: boolean;
  /** The `${env:NAME}` variable suggested for a secret. */
  envName: string;
}

/** At most this many allowed values are listed; long lists end with a count. */
const MAX_LISTED_VALUES = 25;

export function fieldMarkdown({ key, schema, required, envName }: FieldFacts): string {
  const lines: string[] = [];
  const title = typeof schema.title === 'string' ? schema.title : undefined;
  lines.push(title ? `**${escapeMarkdown(title)}** \`${key}\`` : `\`${key}\``);
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  if (description) lines.push('', escapeMarkdown(description));
  lines.push('', `Type: \`${typeSummary(schema)}\``);
  if (schema.default !== undefined) lines.push('', `Default: \`${JSON.stringify(schema.default)}\``);
  const entries = enumEntries(schema);
  if (entries.length > 0) {
    lines.push('', 'Allowed values:');
    for (const entry of entries.slice(0, MAX_LISTED_VALUES)) {
      lines.push(`- \`${JSON.stringify(entry.value)}\`${entry.label ? ` ${escapeMarkdown(entry.label)}` : ''}`);
    }
    if (entries.length > MAX_LISTED_VALUES) lines.push(`- ... ${entries.length - MAX_LISTED_VALUES} more`);
  }
  if (Array.isArray(schema.examples) && schema.examples.length > 0 && entries.length === 0) {
    lines.push('', `Example: \`${JSON.stringify(schema.examples[0])}\``);
  }
  lines.push('', flagsLine(schema, required, envName));
  return lines.join('\n');
}

/** "Required. Sensitive: ..." in one line. */
export function flagsLine(schema: JsonSchema, required: boolean, envName: string): string {
  const flags = [required ? 'Required.' : 'Optional.'];
  if (isSensitive(schema)) flags.push(`Sensitive: keep it out of the file, e.g. \`"\${env:${envName}}"\`.`);
  if (isReadOnly(schema)) flags.push('Read-only: filled in by Polytomic, not set in the file.');
  if (schema.hidden === true) flags.push(schema.api_field === true ? 'Hidden in the Polytomic UI, settable through the API.' : 'Internal: not settable.');
  return flags.join(' ');
}

/** A short one-line summary for a completion item's detail. */
export function fieldDetail({ schema, required }: FieldFacts): string {
  const parts = [typeSummary(schema)];
  if (required) parts.push('required');
  if (isSensitive(schema)) parts.push('sensitive');
  return parts.join(', ');
}

export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}\[\]<>#|])/g, '\\$1');
}
