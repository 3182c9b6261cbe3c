// textDocument/completion: works out what is being typed at the cursor and asks the matching provider.
import type { CompletionItem, CompletionList } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../catalog/types';
import { cursorContext } from './cursorContext';
import { DocumentSchema } from './documentSchema';
import { keyCompletions } from './keyCompletion';
import { parsedDocument } from './parsedDocuments';
import type { SkeletonCache } from './skeletonCache';
import { skeletonCompletions } from './skeletonCompletion';
import { valueCompletions } from './valueCompletion';
import type { CompletionSettings } from './completionEdits';

export function completion(document: TextDocument, offset: number, catalog: Catalog, skeletons: SkeletonCache, settings: CompletionSettings): CompletionList {
  const parsed = parsedDocument(document);
  const context = cursorContext(parsed, offset);
  const items: CompletionItem[] = [];
  if (context?.kind === 'emptyDocument') {
    items.push(...skeletonCompletions(skeletons, catalog, document, context.range));
  } else if (context) {
    const schemas = new DocumentSchema(catalog, parsed.root);
    if (context.kind === 'key') {
      items.push(...keyCompletions(context, schemas, document, settings));
      if (context.emptyDocumentRange) items.push(...skeletonCompletions(skeletons, catalog, document, context.emptyDocumentRange));
    } else {
      items.push(...valueCompletions(context, schemas, document, settings));
    }
  }
  return { isIncomplete: false, items };
}
