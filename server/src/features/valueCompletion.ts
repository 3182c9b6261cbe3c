// Completion of values: the allowed values of the field at the cursor (with their labels), booleans, its default and
// examples, `${env:...}`/`${secret:...}` references for secrets, and every known type id for the top-level `type`.
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog, JsonSchema } from '../catalog/types';
import type { ValueContext } from './cursorContext';
import { configurationPath, type DocumentSchema } from './documentSchema';
import { enumEntries, envVariableName, isSensitive, schemaTypes, withSecretName } from './schemaFields';
import { withEdit, type CompletionSettings } from './completionEdits';
import { escapeSnippet } from './snippets';
import { escapeMarkdown } from './fieldDocs';

interface ValueOffer {
  value: unknown;
  detail?: string;
  documentation?: string;
  kind: CompletionItemKind;
  /** Snippet insert text when it differs from the value's JSON. */
  snippet?: string;
}

export function valueCompletions(context: ValueContext, schemas: DocumentSchema, document: TextDocument, settings: CompletionSettings): CompletionItem[] {
  if (context.path.length === 1 && context.path[0] === 'type') return typeCompletions(context, schemas.catalog, document, settings);
  const key = context.path[context.path.length - 1];
  const found = schemas.schemaAt(context.path);
  if (!found) return [];
  const schema = withSecretName(found, key);
  const envName = envVariableName(schemas.typeId, configurationPath(context.path.slice(0, -1), key));
  return toItems(valueOffers(schema, envName), context, document, settings);
}

function valueOffers(schema: JsonSchema, envName: string): ValueOffer[] {
  const offers: ValueOffer[] = [];
  const entries = enumEntries(schema);
  for (const entry of entries) {
    const isDefault = schema.default !== undefined && entry.value === schema.default;
    const detail = [entry.label, isDefault ? 'default' : undefined].filter(Boolean).join(', ') || undefined;
    offers.push({ value: entry.value, detail, documentation: entry.label ? escapeMarkdown(entry.label) : undefined, kind: CompletionItemKind.EnumMember });
  }
  if (entries.length > 0) return offers; // an enum is the whole answer
  const types = schemaTypes(schema);
  if (schema.default !== undefined) offers.push({ value: schema.default, detail: 'default', kind: CompletionItemKind.Value });
  if (types.includes('boolean')) for (const value of [true, false]) offers.push({ value, kind: CompletionItemKind.Value });
  if (types.includes('string') && isSensitive(schema)) {
    const env = `\${env:${envName}}`;
    offers.push({ value: env, detail: 'read from the environment', kind: CompletionItemKind.Variable, snippet: `"\\\${env:\${1:${escapeSnippet(envName)}}\\}"` });
    offers.push({
      value: `\${secret:${envName}}`,
      detail: "read from the editor's secret storage",
      kind: CompletionItemKind.Variable,
      snippet: `"\\\${secret:\${1:${escapeSnippet(envName)}}\\}"`,
    });
  }
  if (Array.isArray(schema.examples) && !isSensitive(schema)) {
    for (const example of schema.examples) offers.push({ value: example, detail: 'example', kind: CompletionItemKind.Value });
  }
  if (types.includes('object')) offers.push({ value: {}, kind: CompletionItemKind.Module, snippet: '{$1}' });
  if (types.includes('array')) offers.push({ value: [], kind: CompletionItemKind.Value, snippet: '[$1]' });
  if (types.includes('null')) offers.push({ value: null, kind: CompletionItemKind.Value });
  return offers;
}

function toItems(offers: ValueOffer[], context: ValueContext, document: TextDocument, settings: CompletionSettings): CompletionItem[] {
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const comma = context.commaNeeded ? ',' : '';
  const space = context.spaceNeeded ? ' ' : '';
  offers.forEach((offer, index) => {
    const text = JSON.stringify(offer.value);
    if (text === undefined || seen.has(text)) return;
    seen.add(text);
    const item: CompletionItem = {
      label: text,
      kind: offer.kind,
      labelDetails: offer.detail ? { description: offer.detail } : undefined,
      detail: offer.detail,
      documentation: offer.documentation ? { kind: MarkupKind.Markdown, value: offer.documentation } : undefined,
      sortText: String(index).padStart(5, '0'),
      filterText: text,
    };
    items.push(withEdit(item, document, context.range, { snippet: space + (offer.snippet ?? escapeSnippet(text)) + comma, plain: space + text + comma }, settings));
  });
  return items;
}

/** Every type id in the catalogs, with its display name; the bundled (common) types first, then by name. */
function typeCompletions(context: ValueContext, catalog: Catalog, document: TextDocument, settings: CompletionSettings): CompletionItem[] {
  const comma = context.commaNeeded ? ',' : '';
  const space = context.spaceNeeded ? ' ' : '';
  return catalog.listTypes().map((type) => {
    const text = JSON.stringify(type.id);
    const item: CompletionItem = {
      label: text,
      kind: CompletionItemKind.EnumMember,
      labelDetails: { description: type.name },
      detail: type.name,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `**${escapeMarkdown(type.name)}** \`${type.id}\`${type.useOauth ? '\n\nConnects with OAuth.' : ''}`,
      },
      sortText: `${type.bundled ? 0 : 1}${type.name.toLowerCase()}`,
      filterText: text,
    };
    return withEdit(item, document, context.range, { snippet: space + escapeSnippet(text) + comma, plain: space + text + comma }, settings);
  });
}
