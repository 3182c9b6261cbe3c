// Registers the editing features (completion, hover, symbols, formatting, folding, skeleton) on the connection.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../catalog/types';

export function registerEditingFeatures(_connection: Connection, _documents: TextDocuments<TextDocument>, _catalog: Catalog): void {
  // Filled in by the editing features.
}
