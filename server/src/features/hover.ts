// textDocument/hover: for a property key or value, the field's title, description, type, default, allowed values
// (with labels) and whether it is required or sensitive; for the `type` value, the type's display name.
import { findNodeAtOffset, getNodePath, type Node } from 'jsonc-parser';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../catalog/types';
import { configurationPath, DocumentSchema, type JsonPath } from './documentSchema';
import { schemaOrigin } from './schemaOrigin';
import { escapeMarkdown, fieldMarkdown } from './fieldDocs';
import { parsedDocument } from './parsedDocuments';
import { enumEntries, envVariableName, withSecretName } from './schemaFields';

export function hover(document: TextDocument, offset: number, catalog: Catalog): Hover | null {
  const { root } = parsedDocument(document);
  if (!root) return null;
  const node = findNodeAtOffset(root, offset, true);
  const property = node?.parent?.type === 'property' ? node.parent : undefined;
  if (!node || !property) return arrayItemHover(node, document, catalog, root);
  const keyNode = property.children?.[0];
  const valueNode = property.children?.[1];
  if (!keyNode || typeof keyNode.value !== 'string') return null;
  if (node === valueNode && (node.type === 'object' || node.type === 'array')) return null; // between members, not on one
  const key = keyNode.value;
  const objectPath = property.parent ? getNodePath(property.parent) : [];
  const schemas = new DocumentSchema(catalog, root);
  const range = rangeOf(document, node);
  if (node === valueNode && objectPath.length === 0 && key === 'type') return typeHover(node, catalog, range);
  const markdown = fieldHover(schemas, objectPath, key);
  if (!markdown) return null;
  const valueLine = node === valueNode ? enumValueLine(schemas, [...objectPath, key], node) : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: valueLine ? `${valueLine}\n\n---\n\n${markdown}` : markdown }, range };
}

function fieldHover(schemas: DocumentSchema, objectPath: JsonPath, key: string): string | undefined {
  const property = schemas.propertyAt(objectPath, key);
  if (!property) return undefined;
  const envName = envVariableName(schemas.typeId, configurationPath(objectPath, key));
  let markdown = fieldMarkdown({ key, schema: withSecretName(property.schema, key), required: property.required, envName });
  if (objectPath.length === 0 && key === 'configuration') {
    const type = schemas.typeId === undefined ? undefined : schemas.catalog.getType(schemas.typeId);
    const applies = type ? `The fields of a **${escapeMarkdown(type.name)}** connection (\`${type.id}\`).` : 'Its fields depend on `type`, which names no known type yet.';
    markdown = `${applies}\n\n${markdown}`;
  }
  return markdown;
}

/** For a value among the allowed ones: the value and its label. */
function enumValueLine(schemas: DocumentSchema, path: JsonPath, node: Node): string | undefined {
  const schema = schemas.schemaAt(path);
  if (!schema) return undefined;
  const entry = enumEntries(schema).find((e) => e.value === node.value);
  if (!entry) return undefined;
  return `\`${JSON.stringify(entry.value)}\`${entry.label ? `: ${escapeMarkdown(entry.label)}` : ''}`;
}

function typeHover(node: Node, catalog: Catalog, range: Hover['range']): Hover {
  const id = typeof node.value === 'string' ? node.value : undefined;
  const type = id === undefined ? undefined : catalog.getType(id);
  const value = type
    ? `**${escapeMarkdown(type.name)}** \`${type.id}\`${type.useOauth ? '\n\nConnects with OAuth.' : ''}\n\nSchema: ${schemaOrigin(type.catalogDir, type.bundled, type.id)}.`
    : `Unknown connection type ${id === undefined ? '' : `\`${id}\``}: no catalog has it.`;
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** Hover over an item of an array: the item schema's description. */
function arrayItemHover(node: Node | undefined, document: TextDocument, catalog: Catalog, root: Node): Hover | null {
  if (!node || node.parent?.type !== 'array') return null;
  const path = getNodePath(node);
  const schemas = new DocumentSchema(catalog, root);
  const schema = schemas.schemaAt(path);
  if (!schema || (schema.title === undefined && schema.description === undefined && schema.enum === undefined)) return null;
  const key = String(path[path.length - 1]);
  const markdown = fieldMarkdown({ key, schema, required: false, envName: envVariableName(schemas.typeId, configurationPath(path.slice(0, -1), key)) });
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(document, node) };
}

function rangeOf(document: TextDocument, node: Node): Hover['range'] {
  return { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
}
