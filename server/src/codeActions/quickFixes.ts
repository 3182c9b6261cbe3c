// Quick fixes for the server's own diagnostics, built from the data each diagnostic carries:
// add missing required fields, replace a mistyped key or type with the suggestion, replace a literal secret with a reference.
import { applyEdits, findNodeAtLocation, parseTree, type Edit, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isPlainObject } from '../catalog/dialect';
import { Code, DIAGNOSTIC_SOURCE, type LiteralSecretData, type MissingRequiredData, type SuggestionData } from '../diagnostics/codes';
import { PARSE_OPTIONS } from '../validation/parseDocument';
import { fieldLabel } from '../validation/messages';
import { modifyFormatted } from '../util/jsoncEdits';

export function quickFixes(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const missingByObject = new Map<string, { path: JSONPath; items: { diagnostic: Diagnostic; data: MissingRequiredData }[] }>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    switch (diagnostic.code) {
      case Code.missingRequired: {
        const data = diagnostic.data as MissingRequiredData | undefined;
        if (!isMissingRequiredData(data)) break;
        const edits = insertFields(document, data.objectPath, [data]);
        if (edits) actions.push(fix(`Add the missing field \`${data.field}\``, document, [diagnostic], edits, true));
        const key = JSON.stringify(data.objectPath);
        if (!missingByObject.has(key)) missingByObject.set(key, { path: data.objectPath, items: [] });
        missingByObject.get(key)!.items.push({ diagnostic, data });
        break;
      }
      case Code.unknownField:
      case Code.unknownType: {
        const data = diagnostic.data as SuggestionData | undefined;
        if (!rangeHoldsString(document, diagnostic)) break;
        if (typeof data?.suggestion !== 'string') {
          // No near match to rename it to: offer to remove the field (and its value).
          const edits = diagnostic.code === Code.unknownField ? removeKeyEdits(document, diagnostic) : undefined;
          if (edits) actions.push(fix(`Remove the field ${document.getText(diagnostic.range)}`, document, [diagnostic], edits, false));
          break;
        }
        const title = diagnostic.code === Code.unknownType ? `Change the type to \`${data.suggestion}\`` : `Rename the field to \`${data.suggestion}\``;
        actions.push(fix(title, document, [diagnostic], [{ range: diagnostic.range, newText: JSON.stringify(data.suggestion) }], true));
        break;
      }
      case Code.literalSecret: {
        const data = diagnostic.data as LiteralSecretData | undefined;
        if (typeof data?.reference !== 'string' || !rangeHoldsString(document, diagnostic)) break;
        const title = `Replace the literal secret with ${data.reference} (set that environment variable)`;
        actions.push(fix(title, document, [diagnostic], [{ range: diagnostic.range, newText: JSON.stringify(data.reference) }], true));
        // The client moves the value itself (the server holds no secrets): stored, replaced by ${secret:NAME}, never echoed.
        const name = /^\$\{env:([^}\s]+)\}$/.exec(data.reference)?.[1];
        if (name) {
          actions.push({
            title: `Move the literal secret to secret storage as \${secret:${name}}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: 'Move to secret storage', command: 'polytomic.moveToSecretStorage', arguments: [document.uri, diagnostic.range, name] },
          });
        }
        break;
      }
    }
  }
  for (const { path, items } of missingByObject.values()) {
    if (items.length < 2) continue;
    const edits = insertFields(document, path, items.map((i) => i.data));
    if (edits) {
      const title = `Add all ${items.length} missing required fields to ${fieldLabel(path)}`;
      actions.push(fix(title, document, items.map((i) => i.diagnostic), edits, false));
    }
  }
  return actions;
}

function fix(title: string, document: TextDocument, diagnostics: Diagnostic[], edits: TextEdit[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: { changes: { [document.uri]: edits } } };
}

function isMissingRequiredData(data: unknown): data is MissingRequiredData {
  return isPlainObject(data) && Array.isArray(data.objectPath) && typeof data.field === 'string';
}

/** The diagnostic's range still covers a JSON string (the document may have moved on since it was published). */
function rangeHoldsString(document: TextDocument, diagnostic: Diagnostic): boolean {
  const text = document.getText(diagnostic.range);
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"');
}

/**
 * Edits that add `fields` to the object at `objectPath`, formatted like the document. One field: jsonc-parser's minimal
 * insertion. Several: they are inserted one after another and the object is replaced once (insertions would overlap).
 */
function insertFields(document: TextDocument, objectPath: JSONPath, fields: MissingRequiredData[]): TextEdit[] | undefined {
  const text = document.getText();
  const formattingOptions = detectFormatting(text);
  if (fields.length === 1) {
    const edits = modifyFormatted(text, [...objectPath, fields[0].field], fields[0].value, { formattingOptions });
    return edits.map((edit) => toTextEdit(document, edit));
  }
  const root = parseTree(text, [], PARSE_OPTIONS);
  const object = root && findNodeAtLocation(root, objectPath);
  if (!object || object.type !== 'object') return undefined;
  let updated = text;
  for (const field of fields) updated = applyEdits(updated, modifyFormatted(updated, [...objectPath, field.field], field.value, { formattingOptions }));
  const newObject = updated.slice(object.offset, object.offset + object.length + (updated.length - text.length));
  return [toTextEdit(document, { offset: object.offset, length: object.length, content: newObject })];
}

/** Edits that remove the property whose key the diagnostic covers. */
function removeKeyEdits(document: TextDocument, diagnostic: Diagnostic): TextEdit[] | undefined {
  const text = document.getText();
  const root = parseTree(text, [], PARSE_OPTIONS);
  const keyOffset = document.offsetAt(diagnostic.range.start);
  const path: JSONPath = [];
  let node = root;
  while (node) {
    const next: import('jsonc-parser').Node | undefined = (node.children ?? []).find((c) => c.offset <= keyOffset && keyOffset < c.offset + c.length);
    if (!next) return undefined;
    if (next.type === 'property') {
      const key = next.children?.[0];
      if (key?.offset === keyOffset) {
        path.push(key.value as string);
        const edits = modifyFormatted(text, path, undefined, { formattingOptions: detectFormatting(text) });
        return edits.map((edit) => toTextEdit(document, edit));
      }
      path.push(key?.value as string);
      node = next.children?.[1];
    } else if (node.type === 'array') {
      path.push((node.children ?? []).indexOf(next));
      node = next;
    } else node = next;
  }
  return undefined;
}

function toTextEdit(document: TextDocument, edit: Edit): TextEdit {
  return { range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) }, newText: edit.content };
}

/** The document's own indentation and line ends, so inserted fields look like their neighbours. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)["}\]]/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}
