// Debounced, cancellable diagnostics per document: an edit restarts the document's timer and cancels a check in flight,
// so only the latest version is ever published. The debounce is for typing: a document just opened is checked at once.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export type ComputeDiagnostics = (document: TextDocument, isCancelled: () => boolean) => Promise<Diagnostic[] | undefined>;

interface Run {
  cancelled: boolean;
  timer?: NodeJS.Timeout;
  immediate?: NodeJS.Immediate;
}

export class DiagnosticsScheduler {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly compute: ComputeDiagnostics,
    private readonly debounceMs: number,
  ) {}

  /** `delayMs`: the debounce by default; 0 runs the check on the next turn of the event loop (a timer waits 1 ms). */
  schedule(uri: string, delayMs = this.debounceMs): void {
    this.cancel(uri);
    const run: Run = { cancelled: false };
    this.runs.set(uri, run);
    if (delayMs > 0) run.timer = setTimeout(() => void this.execute(uri, run), delayMs);
    else run.immediate = setImmediate(() => void this.execute(uri, run));
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  /** Cancels the pending or running check of the document and clears what was published for it. */
  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const run = this.runs.get(uri);
    if (!run) return;
    run.cancelled = true;
    clearTimeout(run.timer);
    if (run.immediate) clearImmediate(run.immediate);
    this.runs.delete(uri);
  }

  private async execute(uri: string, run: Run): Promise<void> {
    const document = this.documents.get(uri);
    if (!document || run.cancelled) return;
    const version = document.version;
    const isCancelled = () => run.cancelled || this.documents.get(uri)?.version !== version;
    try {
      const diagnostics = await this.compute(document, isCancelled);
      if (diagnostics && !isCancelled()) await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      if (this.runs.get(uri) === run) this.runs.delete(uri);
    }
  }
}
