// textDocument/documentSymbol: the outline, one symbol per property and array item, nested, with a kind per value type.
import type { Node } from 'jsonc-parser';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../catalog/types';
import { parsedDocument } from './parsedDocuments';
import { propertyValue } from './schemaBranches';

/** Beyond this many symbols the outline stops growing: a huge document's outline is not worth freezing the editor. */
const MAX_SYMBOLS = 5000;

export function documentSymbols(document: TextDocument, catalog: Catalog): DocumentSymbol[] {
  const { root } = parsedDocument(document);
  if (!root) return [];
  const budget = { left: MAX_SYMBOLS };
  const symbols = childSymbols(root, document, budget);
  // The type's display name next to `type` says at a glance what the connection is.
  const typeNode = propertyValue(root, 'type');
  const typeName = typeNode?.type === 'string' ? catalog.getType(String(typeNode.value))?.name : undefined;
  const typeSymbol = symbols.find((s) => s.name === 'type');
  if (typeSymbol && typeName) typeSymbol.detail = typeName;
  return symbols;
}

function childSymbols(node: Node, document: TextDocument, budget: { left: number }): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || budget.left <= 0) continue;
      symbols.push(symbol(String(keyNode.value), property, keyNode, valueNode, document, budget));
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((item, index) => {
      if (budget.left > 0) symbols.push(symbol(String(index), item, item, item, document, budget));
    });
  }
  return symbols;
}

function symbol(name: string, whole: Node, selection: Node, value: Node | undefined, document: TextDocument, budget: { left: number }): DocumentSymbol {
  budget.left--;
  const result: DocumentSymbol = {
    name: name === '' ? '""' : name,
    kind: kindOf(value),
    range: { start: document.positionAt(whole.offset), end: document.positionAt(whole.offset + whole.length) },
    selectionRange: { start: document.positionAt(selection.offset), end: document.positionAt(selection.offset + selection.length) },
  };
  if (value && (value.type === 'object' || value.type === 'array')) result.children = childSymbols(value, document, budget);
  else if (value) result.detail = preview(value);
  return result;
}

function kindOf(value: Node | undefined): SymbolKind {
  switch (value?.type) {
    case 'object':
      return SymbolKind.Module;
    case 'array':
      return SymbolKind.Array;
    case 'string':
      return SymbolKind.String;
    case 'number':
      return SymbolKind.Number;
    case 'boolean':
      return SymbolKind.Boolean;
    case 'null':
      return SymbolKind.Null;
    default:
      return SymbolKind.Property;
  }
}

/** A scalar's text, shortened. */
function preview(value: Node): string {
  const text = JSON.stringify(value.value) ?? '';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
