// Opens documents nested N levels deep and reports what the server did with them: whether their diagnostics were
// published and which handler errors it logged. Kept apart from the fuzzer so a nesting bug can be shown on its own.
import { ServerProbe } from './serverProbe';
import { nesting } from './mutations';
import { Prng } from '../support/prng';

export interface DeepOutcome {
  diagnosticsPublished: boolean;
  /** The codes of the last non-empty diagnostics published for the document. */
  diagnosticCodes: string[];
  errorLogs: string[];
}

const BASE = '{\n  "name": "Deep",\n  "type": "api",\n  "configuration": {"url": "https://example.com"}\n}\n';

export class DeepDocumentProbe {
  private errorLogs: string[] = [];
  private publishedFor = new Map<string, string[]>();
  private probe!: ServerProbe;

  static async start(catalogDir: string): Promise<DeepDocumentProbe> {
    const deep = new DeepDocumentProbe();
    deep.probe = await ServerProbe.start({
      catalogDirs: [catalogDir],
      onErrorLog: (message) => deep.errorLogs.push(message.split('\n')[0]),
      // The empty publication that follows didClose must not hide what the open document got.
      onDiagnostics: (params) => {
        if (params.diagnostics.length > 0 || !deep.publishedFor.has(params.uri)) {
          deep.publishedFor.set(params.uri, params.diagnostics.map((d) => String(d.code)));
        }
      },
    });
    return deep;
  }

  async check(depth: number): Promise<DeepOutcome> {
    this.errorLogs = [];
    const uri = `file:///deep/depth-${depth}.polytomic.json`;
    const text = nesting(depth, BASE, new Prng(depth));
    await this.probe.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'polytomic', version: 1, text } });
    const textDocument = { uri };
    const position = { line: 3, character: 20 };
    // Requests are answered in order, so once these are back the (undebounced) check has run or failed too.
    await this.probe.request('textDocument/documentSymbol', { textDocument }, 10_000);
    await this.probe.request('textDocument/hover', { textDocument, position }, 10_000);
    await this.probe.request('textDocument/completion', { textDocument, position }, 10_000);
    await this.probe.notify('textDocument/didClose', { textDocument });
    return { diagnosticsPublished: this.publishedFor.has(uri), diagnosticCodes: this.publishedFor.get(uri) ?? [], errorLogs: this.errorLogs };
  }

  stop(): Promise<void> {
    return this.probe.stop();
  }
}
