// jsonc-parser 3.3.1's formatter returns an edit without content where a line needs exactly 200 indentation units
// (format.js compares `amountOfSpaces > cached.length` where `>=` is meant), and modify() with formatting options
// then throws on it. These guards keep every edit we hand out a real text edit.
import { modify, type Edit, type JSONPath, type ModificationOptions } from 'jsonc-parser';

/** The edits that carry text; an edit without any is dropped (its span keeps its old, still valid, whitespace). */
export function editsWithText(edits: Edit[]): Edit[] {
  return edits.filter((edit) => typeof edit.content === 'string');
}

/** modify() with formatting, or, when the formatter fails, the same change unformatted (valid JSON all the same). */
export function modifyFormatted(text: string, path: JSONPath, value: unknown, options: ModificationOptions): Edit[] {
  try {
    const edits = modify(text, path, value, options);
    if (edits.every((edit) => typeof edit.content === 'string')) return edits;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  return editsWithText(modify(text, path, value, { ...options, formattingOptions: undefined }));
}
