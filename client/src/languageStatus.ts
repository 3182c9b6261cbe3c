// A language status item on connection files says which schema applies (bundled, live, or cached and how old), and
// offers a retry when fetching the live catalog failed: a schema that silently doesn't apply is the top complaint.
import * as vscode from 'vscode';
import { inertText } from './inertText';
import type { LiveCatalog } from './catalog/liveCatalog';
import type { PolytomicLanguageClient } from './languageClient';

export class SchemaLanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('polytomic.schema', { language: 'polytomic' });
  private readonly disposables: vscode.Disposable[] = [this.item];
  private generation = 0;

  constructor(
    private readonly languageClient: PolytomicLanguageClient,
    private readonly catalog: LiveCatalog,
  ) {
    this.item.name = 'Polytomic Schema';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.workspace.onDidSaveTextDocument(() => void this.update()),
      catalog.onDidChange(() => void this.update()),
    );
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'polytomic') return;
    try {
      const info = await this.languageClient.schemaInfo(doc.uri);
      if (generation !== this.generation) return;
      const failure = this.catalog.lastError;
      if (!info.type) {
        this.show('$(question) No type', 'The file has no `type` yet.', vscode.LanguageStatusSeverity.Information);
      } else if (!info.catalogType) {
        this.show(`$(warning) Unknown type ${info.type}`, failure ?? 'Neither the live nor the bundled catalog knows this type.', vscode.LanguageStatusSeverity.Warning, failure !== undefined);
      } else {
        const { source, fetchedAt } = await this.catalog.sourceOf(info.type, info.catalogType.catalogDir, info.catalogType.bundled);
        if (generation !== this.generation) return;
        const label = source === 'live' ? 'live' : source === 'cached' ? `cached${fetchedAt ? `, ${age(fetchedAt)}` : ''}` : 'bundled';
        const detail = failure ? `Live catalog unavailable: ${failure}` : `Schema of ${info.catalogType.name} (${info.type})`;
        this.show(`$(json) Schema: ${label}`, detail, failure ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information, failure !== undefined);
      }
    } catch {
      // The server is still starting; the next editor change or catalog event updates the item.
    }
  }

  /** What the item shows now (for the in-editor tests). */
  snapshot(): { text: string; detail?: string; severity: vscode.LanguageStatusSeverity } {
    return { text: this.item.text, detail: this.item.detail, severity: this.item.severity };
  }

  private show(text: string, detail: string, severity: vscode.LanguageStatusSeverity, offerRetry = false): void {
    this.item.text = text;
    // The detail renders links, and may quote a fetch error from the API or a type name from the file.
    this.item.detail = inertText(detail, 300);
    this.item.severity = severity;
    this.item.command = offerRetry
      ? { command: 'polytomic.refreshConnectionTypes', title: 'Retry' }
      : { command: 'polytomic.refreshConnectionTypes', title: 'Refresh' };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function age(date: Date): string {
  const minutes = Math.max(0, Math.round((Date.now() - date.getTime()) / 60_000));
  if (minutes < 2) return 'just now';
  if (minutes < 120) return `${minutes} min old`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h old` : `${Math.round(hours / 24)} days old`;
}
