// A minimal stand-in for the `vscode` module, enough for dist/extension.js to load and activate outside the editor:
// the classes and enums it uses, events that never fire, settings that answer their defaults, empty workspaces and
// storage. Anything not listed answers with an inert stub (callable, constructible, with inert properties), so
// activation runs its real code paths, including starting the language server through vscode-languageclient.
import Module from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Callable, constructible, every property another stub; not thenable, iterates as empty. */
function stub(): unknown {
  const target = function () {};
  return new Proxy(target, {
    get: (_target, key) => {
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'dispose') return () => undefined;
      return stub();
    },
    apply: () => stub(),
    construct: () => stub() as object,
  });
}

/** An object whose listed members are real and every other member a stub. */
function partial<T extends object>(members: T): T {
  return new Proxy(members, { get: (target, key) => (key in target ? (target as Record<string | symbol, unknown>)[key] : key === 'then' ? undefined : stub()) });
}

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  constructor(private readonly callOnDispose: () => unknown = () => undefined) {}
  dispose(): void {
    this.callOnDispose();
  }
}

class EventEmitter<T> {
  private listeners: ((value: T) => unknown)[] = [];
  readonly event = (listener: (value: T) => unknown) => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query = '',
    readonly fragment = '',
  ) {}
  static file(path: string): Uri {
    return new Uri('file', '', path);
  }
  static parse(value: string): Uri {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ''), url.host, decodeURIComponent(url.pathname), url.search.replace(/^\?/, ''), url.hash.replace(/^#/, ''));
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, base.authority, join(base.path, ...segments));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: Partial<{ scheme: string; authority: string; path: string; query: string; fragment: string }>): Uri {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, authority: this.authority, path: this.path };
  }
}

const noEvent = () => new Disposable();
const memento = () => partial({ get: (_key: string, fallback?: unknown) => fallback, update: async () => undefined, keys: () => [] as string[], setKeysForSync: () => undefined });
const configuration = () => partial({ get: (_key: string, fallback?: unknown) => fallback, has: () => false, inspect: () => undefined, update: async () => undefined });
/** What the extension wrote to its output channels, warnings and errors prefixed, so a failed start is seen. */
export const outputLines: string[] = [];
const write = (prefix: string) => (message: unknown) => {
  outputLines.push(`${prefix}${String(message)}`);
};
const channel = () =>
  partial({
    name: 'mock',
    logLevel: 2,
    onDidChangeLogLevel: noEvent,
    append: write(''),
    appendLine: write(''),
    replace: () => undefined,
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
    trace: () => undefined,
    debug: () => undefined,
    info: write(''),
    warn: write('warning: '),
    error: write('error: '),
  });

function createVscode(): unknown {
  return partial({
    version: '1.96.0',
    Disposable,
    EventEmitter,
    Uri,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    workspace: partial({
      workspaceFolders: undefined,
      textDocuments: [] as unknown[],
      getConfiguration: configuration,
      onDidChangeConfiguration: noEvent,
      onDidOpenTextDocument: noEvent,
      onDidCloseTextDocument: noEvent,
      onDidChangeTextDocument: noEvent,
      onDidSaveTextDocument: noEvent,
      onDidChangeWorkspaceFolders: noEvent,
      onDidCreateFiles: noEvent,
      onDidDeleteFiles: noEvent,
      onDidRenameFiles: noEvent,
      findFiles: async () => [] as unknown[],
      createFileSystemWatcher: () => partial({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose: () => undefined }),
      registerTextDocumentContentProvider: () => new Disposable(),
    }),
    window: partial({
      activeTextEditor: undefined,
      visibleTextEditors: [] as unknown[],
      onDidChangeActiveTextEditor: noEvent,
      onDidChangeVisibleTextEditors: noEvent,
      createOutputChannel: channel,
      createStatusBarItem: () => partial({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
      createTreeView: () => partial({ dispose: () => undefined, onDidChangeVisibility: noEvent, onDidChangeSelection: noEvent, onDidExpandElement: noEvent, onDidCollapseElement: noEvent }),
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
    }),
    languages: partial({ match: () => 0, createLanguageStatusItem: () => partial({ dispose: () => undefined }), createDiagnosticCollection: () => partial({ dispose: () => undefined, set: () => undefined, delete: () => undefined, clear: () => undefined }) }),
    commands: partial({ registerCommand: () => new Disposable(), executeCommand: async () => undefined }),
    env: partial({ language: 'en', appName: 'Visual Studio Code', machineId: 'bench', sessionId: 'bench', uriScheme: 'vscode', openExternal: async () => true }),
    extensions: partial({ getExtension: () => undefined, all: [] as unknown[], onDidChange: noEvent }),
  });
}

/** Makes `require('vscode')` answer the stand-in. */
export function installVscodeMock(): void {
  const vscode = createVscode();
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : original.call(this, request, parent, isMain);
  };
}

/** The ExtensionContext activate() receives, with storage in a fresh temporary folder. */
export function mockContext(extensionRoot: string, version: string): unknown {
  const storage = mkdtempSync(join(tmpdir(), 'polytomic-bench-ext-'));
  return partial({
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath: extensionRoot,
    extensionUri: Uri.file(extensionRoot),
    extension: partial({ id: 'polytomic-community.polytomic-connections', packageJSON: { version }, extensionUri: Uri.file(extensionRoot) }),
    asAbsolutePath: (relative: string) => join(extensionRoot, relative),
    globalState: memento(),
    workspaceState: memento(),
    secrets: partial({ get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: noEvent }),
    globalStorageUri: Uri.file(join(storage, 'global')),
    storageUri: Uri.file(join(storage, 'workspace')),
    logUri: Uri.file(join(storage, 'log')),
    globalStoragePath: join(storage, 'global'),
    storagePath: join(storage, 'workspace'),
    logPath: join(storage, 'log'),
    extensionMode: 1,
    environmentVariableCollection: stub(),
  });
}
