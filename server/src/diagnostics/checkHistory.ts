// Per open document, the last well-formed version that was checked and what its check found, so that the next version
// can be checked from it when only a string value changed (validation/stringValueEdit.ts). Small: only the documents
// being edited matter, and each entry holds a parsed value as large as its document.
import type { CheckedValue } from '../validation/checkDocument';
import type { WellFormedVersion } from '../validation/stringValueEdit';

export interface CheckedVersion {
  version: WellFormedVersion;
  /** Undefined while (or when) the check of that version did not finish. */
  checked?: CheckedValue;
}

const CAPACITY = 8;

export class CheckHistory {
  private readonly entries = new Map<string, CheckedVersion>();

  /** Removes and returns the document's entry: whoever takes it puts back the version it checks next. */
  take(uri: string): CheckedVersion | undefined {
    const entry = this.entries.get(uri);
    this.entries.delete(uri);
    return entry;
  }

  put(uri: string, entry: CheckedVersion): void {
    this.entries.delete(uri);
    this.entries.set(uri, entry);
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forgets every check (the catalog changed: what they found may no longer hold). */
  clear(): void {
    this.entries.clear();
  }
}
