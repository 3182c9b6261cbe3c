// The language-server fuzzer: mutated connection files of every type id, opened one by one over a real LSP
// connection, then random sequences of incremental edits. After each document or edit it asks for symbols, hover,
// completion and folding (sometimes formatting), and checks: the process is alive, every request is answered, every
// range (answers and published diagnostics) lies inside the document, and nothing reaches stderr or the error log.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { Prng } from '../support/prng';
import { baseDocuments, type BaseDocument } from './baseDocuments';
import { hugeString, nesting, SMALL_MUTATIONS, type MutationContext } from './mutations';
import {
  completionProblems,
  diagnosticProblems,
  foldingProblems,
  hoverProblems,
  LineTable,
  symbolProblems,
  textEditProblems,
} from './rangeChecks';
import { ServerProbe, type Answer } from './serverProbe';

export interface FuzzOptions {
  seed: number;
  /** Mutated documents to open. */
  documents: number;
  /** Incremental didChange edits in total, spread over sequences of up to 40. */
  edits: number;
  /** How many documents nested 100,000 deep and how many holding a 10 MB string (part of `documents`). */
  giants: number;
  /** Answers slower than this are counted as slow (the bar is 1 s). */
  slowMs: number;
  /** A request unanswered after this long is a hang; the server is then killed and restarted. */
  giveUpMs: number;
  catalogDir: string;
  /**
   * Whether deeply nested documents are formatted too: formatting them is known to take seconds (their indentation
   * grows with the depth), which the full run measures and the short run skips.
   */
  formatNested: boolean;
  /** Where to save the text of each document that produced a finding (for replay); none when undefined. */
  saveDir?: string;
  progress?: (line: string) => void;
}

export type FindingKind = 'crash' | 'hang' | 'range' | 'stderr' | 'handler error' | 'request error' | 'no diagnostics' | 'slow';

export interface Finding {
  kind: FindingKind;
  detail: string;
  /** Which document or edit triggered it first, and how often the same finding came back. */
  firstCase: string;
  count: number;
}

export interface FuzzReport {
  seed: number;
  documents: number;
  edits: number;
  editSequences: number;
  requests: number;
  diagnosticsChecked: number;
  typesCovered: number;
  mutations: Record<string, number>;
  slowAnswers: number;
  slowestMs: number;
  slowestRequest: string;
  restarts: number;
  findings: Finding[];
}

export const GIANT_NESTING_DEPTH = 100_000;
export const GIANT_STRING_CHARS = 10 * 1024 * 1024;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  return new Fuzzer(options).run();
}

class Fuzzer {
  private readonly prng: Prng;
  private readonly bases: BaseDocument[];
  private readonly context: MutationContext;
  private readonly findings = new Map<string, Finding>();
  private readonly report: FuzzReport;
  /** Line tables of every version still open, so published diagnostics can be checked against their own text. */
  private readonly versions = new Map<string, Map<number, LineTable>>();
  /** The versions already published per open document: a wait for one of them is over before it starts. */
  private readonly published = new Map<string, Set<number>>();
  private readonly waiters = new Map<string, { version: number; resolve: (published: boolean) => void }>();
  private probe!: ServerProbe;
  private currentCase = '';
  private currentText = '';

  constructor(private readonly options: FuzzOptions) {
    this.prng = new Prng(options.seed);
    this.bases = baseDocuments(options.catalogDir);
    this.context = { typeIds: this.bases.map((b) => b.type) };
    this.report = {
      seed: options.seed,
      documents: 0,
      edits: 0,
      editSequences: 0,
      requests: 0,
      diagnosticsChecked: 0,
      typesCovered: 0,
      mutations: {},
      slowAnswers: 0,
      slowestMs: 0,
      slowestRequest: '',
      restarts: 0,
      findings: [],
    };
  }

  async run(): Promise<FuzzReport> {
    await this.startServer();
    const covered = new Set<string>();
    const giantEvery = this.options.giants > 0 ? Math.max(1, Math.floor(this.options.documents / (2 * this.options.giants))) : 0;
    let giantsLeft = { nesting: this.options.giants, string: this.options.giants };
    for (let i = 0; i < this.options.documents; i++) {
      const base = this.bases[i % this.bases.length];
      covered.add(base.type);
      let text = base.text;
      const applied: string[] = [];
      if (giantEvery > 0 && i % giantEvery === giantEvery - 1 && giantsLeft.nesting + giantsLeft.string > 0) {
        const deep = giantsLeft.nesting >= giantsLeft.string;
        const variant = giantsLeft.string % 2 === 1 ? 'plain' : 'escapes';
        text = deep ? nesting(GIANT_NESTING_DEPTH, text, this.prng) : hugeString(GIANT_STRING_CHARS, text, variant);
        applied.push(deep ? 'nesting 100,000' : `10 MB string (${variant})`);
        giantsLeft = deep ? { ...giantsLeft, nesting: giantsLeft.nesting - 1 } : { ...giantsLeft, string: giantsLeft.string - 1 };
      } else {
        for (let n = this.prng.between(1, 4); n > 0; n--) {
          const [name, mutate] = this.prng.pick(SMALL_MUTATIONS);
          text = mutate(text, this.prng, this.context);
          applied.push(name);
        }
      }
      for (const name of applied) this.report.mutations[name] = (this.report.mutations[name] ?? 0) + 1;
      const format = this.prng.chance(0.1) && text.length < 100_000 && (this.options.formatNested || !applied.some((name) => name.startsWith('nesting')));
      await this.checkDocument(`file:///fuzz/doc-${i}.polytomic.json`, text, `document #${i} (${base.type}: ${applied.join(' + ')})`, format);
      this.report.documents++;
      if (i % 500 === 499) this.options.progress?.(`${i + 1} documents, ${this.findings.size} distinct findings`);
    }
    this.report.typesCovered = covered.size;
    let sequence = 0;
    while (this.report.edits < this.options.edits) {
      const length = Math.min(this.prng.between(1, 40), this.options.edits - this.report.edits);
      await this.editSequence(sequence++, length);
      this.report.editSequences++;
    }
    await this.probe.stop();
    this.report.findings = [...this.findings.values()];
    return this.report;
  }

  private async startServer(): Promise<void> {
    this.probe = await ServerProbe.start({
      catalogDirs: [this.options.catalogDir],
      onErrorLog: (message) => this.onErrorLog(message),
      onDiagnostics: (params) => this.onDiagnostics(params),
    });
  }

  /** A handler that threw and was caught; a failed check of a document also means its diagnostics never come. */
  private onErrorLog(message: string): void {
    const [first, second = ''] = message.split('\n');
    this.find('handler error', first.replace(/file:\/\/\S+/g, '<document>'), second.trim());
    const failedCheck = /^Checking (\S+) failed/.exec(first);
    const waiter = failedCheck ? this.waiters.get(failedCheck[1]) : undefined;
    if (waiter) {
      this.waiters.delete(failedCheck![1]);
      waiter.resolve(false);
    }
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    if (params.version === undefined) return; // the clear sent when a document closes
    const table = this.versions.get(params.uri)?.get(params.version);
    if (table) {
      this.published.get(params.uri)?.add(params.version);
      this.report.diagnosticsChecked++;
      for (const problem of diagnosticProblems(table, params.diagnostics)) this.find('range', problem);
    }
    const waiter = this.waiters.get(params.uri);
    if (waiter && waiter.version === params.version) {
      this.waiters.delete(params.uri);
      waiter.resolve(true);
    }
  }

  private async checkDocument(uri: string, text: string, label: string, format: boolean): Promise<void> {
    this.currentCase = label;
    this.currentText = text;
    const lines = new LineTable(text);
    this.versions.set(uri, new Map([[1, lines]]));
    this.published.set(uri, new Set());
    const diagnostics = this.diagnosticsOf(uri, 1);
    await this.probe.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'polytomic', version: 1, text } });
    await this.ask(uri, lines, format);
    await this.awaitDiagnostics(diagnostics, uri);
    await this.probe.notify('textDocument/didClose', { textDocument: { uri } });
    this.versions.delete(uri);
    this.published.delete(uri);
    await this.afterCase();
  }

  private async editSequence(index: number, length: number): Promise<void> {
    const base = this.prng.pick(this.bases);
    const uri = `file:///fuzz/edits-${index}.polytomic.json`;
    let mirror = TextDocument.create(uri, 'polytomic', 1, base.text);
    this.versions.set(uri, new Map([[1, new LineTable(base.text)]]));
    this.published.set(uri, new Set());
    this.currentCase = `edit sequence #${index} (${base.type}) before any edit`;
    this.currentText = base.text;
    await this.probe.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'polytomic', version: 1, text: base.text } });
    const restarts = this.report.restarts;
    // A restarted server does not know this document: the sequence ends there.
    for (let step = 1; step <= length && this.report.restarts === restarts; step++) {
      const changes = this.randomChanges(mirror);
      const version = mirror.version + 1;
      mirror = TextDocument.update(mirror, changes, version);
      const lines = new LineTable(mirror.getText());
      this.versions.get(uri)!.set(version, lines);
      this.currentCase = `edit sequence #${index} (${base.type}) edit ${step}`;
      this.currentText = mirror.getText();
      await this.probe.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      this.report.edits++;
      await this.ask(uri, lines, false);
      await this.afterCase();
    }
    if (this.report.restarts === restarts) {
      await this.awaitDiagnostics(this.diagnosticsOf(uri, mirror.version), uri);
      await this.probe.notify('textDocument/didClose', { textDocument: { uri } });
    }
    this.versions.delete(uri);
    this.published.delete(uri);
  }

  /** One to three incremental changes: inserts, deletions and replacements, a few of them reaching past the end. */
  private randomChanges(document: TextDocument): TextDocumentContentChangeEvent[] {
    const changes: TextDocumentContentChangeEvent[] = [];
    let text = document.getText();
    for (let n = this.prng.between(1, 3); n > 0; n--) {
      const scratch = TextDocument.create(document.uri, 'polytomic', 0, text);
      const start = this.prng.int(text.length + 1);
      const end = Math.min(text.length, start + (this.prng.chance(0.5) ? 0 : this.prng.between(1, 30)));
      const range = { start: scratch.positionAt(start), end: scratch.positionAt(end) };
      if (this.prng.chance(0.03)) range.end = { line: range.end.line + 1000, character: 0 };
      const inserted = this.prng.chance(0.3) ? '' : this.prng.pick(['{', '}', '"', ',', ':', '\n', '"x": 1,', '// c\n', '\ud800', '1e400', '[', '"type": "api"', '\r\n']);
      changes.push({ range, text: inserted });
      text = TextDocument.applyEdits(scratch, [{ range, newText: inserted }]);
    }
    return changes;
  }

  /** Asks what an editor asks after every change, and checks each answer. */
  private async ask(uri: string, lines: LineTable, format: boolean): Promise<void> {
    const textDocument = { uri };
    const position = () => {
      const line = this.prng.int(lines.lineCount);
      return { line, character: this.prng.int(lines.lineLength(line) + 1) };
    };
    const requests: Array<[string, unknown, (answer: unknown) => string[]]> = [
      ['textDocument/documentSymbol', { textDocument }, (a) => symbolProblems(lines, a)],
      ['textDocument/hover', { textDocument, position: position() }, (a) => hoverProblems(lines, a)],
      ['textDocument/completion', { textDocument, position: position() }, (a) => completionProblems(lines, a)],
      ['textDocument/foldingRange', { textDocument }, (a) => foldingProblems(lines, a)],
    ];
    if (format) {
      requests.push(['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }, (a) => textEditProblems(lines, a, 'formatting edit')]);
    }
    for (const [method, params, check] of requests) {
      if (!this.probe.alive) return;
      const answer = await this.probe.request(method, params, this.options.giveUpMs);
      this.report.requests++;
      if (!(await this.judge(method, answer))) return;
      if (answer.kind === 'answered') for (const problem of check(answer.value)) this.find('range', `${method}: ${problem}`);
    }
  }

  /** Records what an answer says about the server; false when the server had to be restarted. */
  private async judge(method: string, answer: Answer<unknown>): Promise<boolean> {
    if (answer.ms > this.report.slowestMs) {
      this.report.slowestMs = answer.ms;
      this.report.slowestRequest = `${method} on ${this.currentCase}`;
    }
    if (answer.kind === 'unanswered') {
      this.find('hang', `${method} unanswered after ${this.options.giveUpMs} ms`);
      await this.restart();
      return false;
    }
    if (answer.ms > this.options.slowMs) {
      this.report.slowAnswers++;
      this.find('slow', `${method} took more than ${this.options.slowMs} ms`);
    }
    if (answer.kind === 'error' && this.probe.alive) this.find('request error', `${method}: ${answer.message}`);
    return true;
  }

  private diagnosticsOf(uri: string, version: number): Promise<boolean> {
    if (this.published.get(uri)?.has(version)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(uri);
        resolve(false);
      }, this.options.giveUpMs);
      this.waiters.set(uri, {
        version,
        resolve: (published) => {
          clearTimeout(timer);
          resolve(published);
        },
      });
    });
  }

  private async awaitDiagnostics(published: Promise<boolean>, uri: string): Promise<void> {
    if (!this.probe.alive) {
      this.waiters.delete(uri);
      return;
    }
    if (!(await published) && this.probe.alive) this.find('no diagnostics', 'the document got no diagnostics');
  }

  private async afterCase(): Promise<void> {
    if (this.probe.stderr.trim() !== '') {
      this.find('stderr', this.probe.stderr.trim().split('\n').slice(0, 3).join(' | ').slice(0, 400));
      this.probe.stderr = '';
    }
    if (!this.probe.alive) {
      const exit = this.probe.exit!;
      this.find('crash', `server exited (code ${exit.code}, signal ${exit.signal})`);
      await this.restart();
    }
  }

  private async restart(): Promise<void> {
    this.probe.kill();
    this.report.restarts++;
    for (const waiter of this.waiters.values()) waiter.resolve(true);
    this.waiters.clear();
    await this.startServer();
  }

  /** Records a finding once per kind and summary (numbers ignored); `context` (e.g. a stack frame) is kept from the first. */
  private find(kind: FindingKind, summary: string, context = ''): void {
    const key = `${kind}\u0000${summary.replace(/\d+/g, 'N')}`;
    const known = this.findings.get(key);
    if (known) {
      known.count++;
      return;
    }
    this.findings.set(key, { kind, detail: context ? `${summary} (${context})` : summary, firstCase: this.currentCase, count: 1 });
    if (this.options.saveDir && kind !== 'slow') {
      mkdirSync(this.options.saveDir, { recursive: true });
      writeFileSync(join(this.options.saveDir, `finding-${this.findings.size}.polytomic.json`), this.currentText);
    }
  }
}
