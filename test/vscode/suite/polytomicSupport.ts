// Shared helpers of the extension's in-editor tests: the extension's test hooks, scripted prompts that record what the
// user was asked, the emulator over HTTP, and files in the temporary workspace.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PolytomicExtensionApi } from '../../../client/src/extensionApi';
import type { Prompts } from '../../../client/src/ui';

export const EXTENSION_ID = 'polytomic-community.polytomic-connections';

export function emulatorUrl(): string {
  const url = process.env.POLYTOMIC_EMULATOR_URL;
  assert.ok(url, 'POLYTOMIC_EMULATOR_URL is not set: run this suite through the harness (npm run test:vscode)');
  return url;
}

export function apiKey(): string {
  const key = process.env.POLYTOMIC_API_KEY;
  assert.ok(key, 'POLYTOMIC_API_KEY is not set: run this suite through the harness (npm run test:vscode)');
  return key;
}

/** The activated extension's exports (activation happens through its own activation events). */
export async function polytomic(): Promise<PolytomicExtensionApi> {
  const extension = vscode.extensions.getExtension<PolytomicExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/** A call to the emulator's API with the test key; returns status and parsed body. */
export async function emulator(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${emulatorUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey()}`, 'content-type': 'application/json', 'x-polytomic-version': '2025-09-18' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function readWorkspaceFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Resolves once `predicate` holds for the document's polytomic diagnostics (mocha's timeout bounds the wait). */
export function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'polytomic');
  return new Promise((resolve) => {
    const check = () => {
      const found = current();
      if (!predicate(found)) return;
      subscription.dispose();
      resolve(found);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Polls an async condition until it returns a value (for effects that land through events: logs, file watchers). */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, maxAttempts = 400): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    if (attempt > maxAttempts) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface RecordedPrompt {
  kind: keyof Prompts;
  text: string;
}

/**
 * Scripted answers for the extension's prompts. Every question is recorded; a question without a scripted answer
 * fails the test instead of waiting for a human.
 */
export class ScriptedPrompts {
  readonly asked: RecordedPrompt[] = [];
  readonly notifications: { kind: string; message: string; actions: string[] }[] = [];
  confirmAnswer: (message: string, detail: string) => boolean = () => {
    throw new Error('unexpected confirmation');
  };
  chooseAnswer: (message: string, detail: string, actions: string[]) => string | undefined = () => {
    throw new Error('unexpected modal choice');
  };
  typeAnswer: (prompt: string, expected: string) => string = () => {
    throw new Error('unexpected typed confirmation');
  };
  /**
   * The answer to the one-time question before a send reads placeholders ("Send environment variables to ...?"):
   * yes by default, so suites about other things need not script it; tests of that question replace it.
   */
  consentAnswer: (message: string, detail: string) => boolean = () => true;
  inputAnswers: string[] = [];
  pickAnswers: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined)[] = [];
  /** Answers to "pick several" (Apply Plan), in order; each gets the items with their `picked` preselection. */
  pickManyAnswers: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem[] | undefined)[] = [];
  saveAnswer: (suggested: vscode.Uri | undefined) => vscode.Uri | undefined = () => undefined;
  folderAnswer: (suggested: vscode.Uri | undefined) => vscode.Uri | undefined = () => {
    throw new Error('unexpected folder dialog');
  };
  /** The action button to press on a notification; none by default (the notification is dismissed). */
  notifyAnswer: (message: string, actions: string[]) => string | undefined = () => undefined;

  install(api: PolytomicExtensionApi): void {
    api.setPrompts({
      confirm: async (message, detail, action) => {
        this.asked.push({ kind: 'confirm', text: `${message}\n${detail}\n[${action}]` });
        if (/^Send (environment variables|stored secrets)/.test(message)) return this.consentAnswer(message, detail);
        return this.confirmAnswer(message, detail);
      },
      chooseModal: async (message, detail, actions) => {
        this.asked.push({ kind: 'chooseModal', text: `${message}\n${detail}\n[${actions.join('|')}]` });
        return this.chooseAnswer(message, detail, actions);
      },
      typeToConfirm: async (prompt, expected) => {
        this.asked.push({ kind: 'typeToConfirm', text: prompt });
        return this.typeAnswer(prompt, expected) === expected;
      },
      input: async (options) => {
        this.asked.push({ kind: 'input', text: options.prompt ?? options.title ?? '' });
        const answer = this.inputAnswers.shift();
        if (answer === undefined) throw new Error(`unexpected input box: ${options.prompt}`);
        const problem = await options.validateInput?.(answer);
        if (problem) throw new Error(`scripted input "${answer}" was refused: ${typeof problem === 'string' ? problem : problem.message}`);
        return answer;
      },
      pick: async (items, options) => {
        this.asked.push({ kind: 'pick', text: options.placeHolder ?? options.title ?? '' });
        const answer = this.pickAnswers.shift();
        if (!answer) throw new Error(`unexpected quick pick: ${options.placeHolder}`);
        return answer(items) as never;
      },
      pickMany: async (items, options) => {
        this.asked.push({ kind: 'pickMany', text: options.placeHolder ?? options.title ?? '' });
        const answer = this.pickManyAnswers.shift();
        if (!answer) throw new Error(`unexpected multiple pick: ${options.placeHolder}`);
        return answer(items) as never;
      },
      saveLocation: async (suggested) => {
        this.asked.push({ kind: 'saveLocation', text: suggested?.toString() ?? '' });
        return this.saveAnswer(suggested);
      },
      chooseFolder: async (suggested, title) => {
        this.asked.push({ kind: 'chooseFolder', text: title });
        return this.folderAnswer(suggested);
      },
      notify: async (kind, message, ...actions) => {
        this.notifications.push({ kind, message, actions });
        return this.notifyAnswer(message, actions);
      },
    });
  }

  lastNotification(): { kind: string; message: string; actions: string[] } | undefined {
    return this.notifications[this.notifications.length - 1];
  }
}

/** Every line of the extension's log files (the "Polytomic" LogOutputChannel writes below its log folder). */
export function logLines(api: PolytomicExtensionApi): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.log')) files.push(file);
    }
  };
  try {
    walk(api.logFolder());
  } catch {
    return [];
  }
  return files.flatMap((f) => readFileSync(f, 'utf8').split('\n'));
}

