// Completion of property keys: the properties of the schema at the cursor's object that are not there yet, required
// ones first, never read-only or internal (hidden without api_field) ones, inserted as `"key": <value>`.
// The top-level `id` is not offered either: the extension writes it back after a create.
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KeyContext } from './cursorContext';
import { configurationPath, type DocumentSchema } from './documentSchema';
import { fieldDetail, fieldMarkdown, type FieldFacts } from './fieldDocs';
import { envVariableName, isSuggestible, withSecretName } from './schemaFields';
import { filterTextFor, withEdit, type CompletionSettings } from './completionEdits';
import { escapeSnippet, valueSnippet, valueText } from './snippets';

export function keyCompletions(context: KeyContext, schemas: DocumentSchema, document: TextDocument, settings: CompletionSettings): CompletionItem[] {
  const objectSchema = schemas.schemaAt(context.objectPath);
  if (!objectSchema?.properties) return [];
  const required = Array.isArray(objectSchema.required) ? objectSchema.required : [];
  const items: CompletionItem[] = [];
  let position = 0;
  for (const key of Object.keys(objectSchema.properties)) {
    position++;
    if (context.existingKeys.has(key)) continue;
    if (context.objectPath.length === 0 && key === 'id') continue; // written back after a create, never typed by hand
    const found = schemas.schemaAt([...context.objectPath, key]);
    if (!found || !isSuggestible(found)) continue;
    const schema = withSecretName(found, key);
    const facts: FieldFacts = { key, schema, required: required.includes(key), envName: envVariableName(schemas.typeId, configurationPath(context.objectPath, key)) };
    const comma = context.commaNeeded ? ',' : '';
    const keyText = JSON.stringify(key);
    const insert = context.keyOnly
      ? { snippet: escapeSnippet(keyText), plain: keyText }
      : { snippet: `${escapeSnippet(keyText)}: ${valueSnippet(schema, facts.envName)}${comma}`, plain: `${keyText}: ${valueText(schema, facts.envName)}${comma}` };
    const item: CompletionItem = {
      label: key,
      kind: CompletionItemKind.Property,
      labelDetails: typeof schema.title === 'string' ? { description: schema.title } : undefined,
      detail: fieldDetail(facts),
      documentation: { kind: MarkupKind.Markdown, value: fieldMarkdown(facts) },
      sortText: `${facts.required ? 0 : 1}${String(position).padStart(5, '0')}`,
      filterText: filterTextFor(document, context.range, key),
    };
    if (context.commaBefore !== undefined) {
      const at = document.positionAt(context.commaBefore);
      item.additionalTextEdits = [{ range: { start: at, end: at }, newText: ',' }];
    }
    items.push(withEdit(item, document, context.range, insert, settings));
  }
  return items;
}
