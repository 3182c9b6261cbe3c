// Every question the extension asks the user goes through one replaceable object. The default asks through VS Code's
// UI; the in-editor tests swap in scripted answers through the extension's exported test hooks (see extensionApi.ts),
// so destructive flows keep their real confirmations and are still testable. Whichever answers, every text shown
// passes inertText first (PromptHolder): names and messages from the API or the workspace cannot carry a command link.
import * as vscode from 'vscode';
import { inertLines, inertText } from './inertText';

export type NotificationKind = 'info' | 'warning' | 'error';

export interface Prompts {
  /** A modal confirmation; true only when the user picked `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** A modal choice between several actions; undefined when cancelled. */
  chooseModal(message: string, detail: string, actions: string[]): Promise<string | undefined>;
  /** Asks the user to type `expected` exactly; true only when they did. */
  typeToConfirm(prompt: string, expected: string): Promise<boolean>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  /** Several items at once (all `picked` ones preselected); undefined when cancelled. */
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[] | undefined>;
  saveLocation(defaultUri: vscode.Uri | undefined, title: string): Promise<vscode.Uri | undefined>;
  /** A folder (Import Organization writes below it); undefined when cancelled. */
  chooseFolder(defaultUri: vscode.Uri | undefined, title: string, openLabel: string): Promise<vscode.Uri | undefined>;
  /** A notification with optional action buttons; resolves to the action picked, if any. */
  notify(kind: NotificationKind, message: string, ...actions: string[]): Promise<string | undefined>;
}

export const vscodePrompts: Prompts = {
  async confirm(message, detail, action) {
    const picked = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return picked === action;
  },
  async chooseModal(message, detail, actions) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  },
  async typeToConfirm(prompt, expected) {
    const typed = await vscode.window.showInputBox({
      title: 'Confirm force delete',
      prompt,
      placeHolder: expected,
      ignoreFocusOut: true,
      validateInput: (value) => (value === expected ? undefined : `Type "${expected}" exactly to confirm.`),
    });
    return typed === expected;
  },
  input: (options) => Promise.resolve(vscode.window.showInputBox({ ignoreFocusOut: true, ...options })),
  pick: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options })),
  pickMany: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: true })),
  saveLocation: (defaultUri, title) =>
    Promise.resolve(vscode.window.showSaveDialog({ defaultUri, title, filters: { 'Polytomic connection': ['json'] } })),
  chooseFolder: async (defaultUri, title, openLabel) =>
    (await vscode.window.showOpenDialog({ defaultUri, title, openLabel, canSelectFiles: false, canSelectFolders: true, canSelectMany: false }))?.[0],
  notify(kind, message, ...actions) {
    const show =
      kind === 'error' ? vscode.window.showErrorMessage : kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return Promise.resolve(show(message, ...actions));
  },
};

/** Titles, placeholders and quick-pick labels are short; a longer one from outside is cut. */
const SHORT = 200;

function inertOptional(text: string | undefined, maxLength = SHORT): string | undefined {
  return text === undefined ? undefined : inertText(text, maxLength);
}

function inertItem<T extends vscode.QuickPickItem>(item: T): T {
  return { ...item, label: inertText(item.label, SHORT), description: inertOptional(item.description), detail: inertOptional(item.detail, 500) };
}

function inertPickOptions(options: vscode.QuickPickOptions): vscode.QuickPickOptions {
  return { ...options, title: inertOptional(options.title), placeHolder: inertOptional(options.placeHolder) };
}

/**
 * Prompts that make every text inert before `target()` shows it. Button titles are the extension's own constants
 * and stay as they are (the answer is compared with them); so does the text the user must type to confirm.
 */
function inertPrompts(target: () => Prompts): Prompts {
  return {
    confirm: (message, detail, action) => target().confirm(inertText(message), inertLines(detail), action),
    chooseModal: (message, detail, actions) => target().chooseModal(inertText(message), inertLines(detail), actions),
    typeToConfirm: (prompt, expected) => target().typeToConfirm(inertText(prompt), expected),
    input: (options) =>
      target().input({ ...options, title: inertOptional(options.title), prompt: inertOptional(options.prompt, 500), placeHolder: inertOptional(options.placeHolder) }),
    async pick(items, options) {
      const shown = items.map(inertItem);
      const picked = await target().pick(shown, inertPickOptions(options));
      // The caller gets its own item back (it may compare by identity or read fields the copy changed).
      return picked ? items[shown.indexOf(picked)] : undefined;
    },
    async pickMany(items, options) {
      const shown = items.map(inertItem);
      const picked = await target().pickMany(shown, inertPickOptions(options));
      return picked?.map((p) => items[shown.indexOf(p)]).filter((item) => item !== undefined);
    },
    saveLocation: (defaultUri, title) => target().saveLocation(defaultUri, inertText(title, SHORT)),
    chooseFolder: (defaultUri, title, openLabel) => target().chooseFolder(defaultUri, inertText(title, SHORT), openLabel),
    notify: (kind, message, ...actions) => target().notify(kind, inertText(message), ...actions),
  };
}

/** The holder the commands read from; tests replace `current`, and what they put there still gets inert text. */
export class PromptHolder {
  private implementation: Prompts = vscodePrompts;
  private readonly inert = inertPrompts(() => this.implementation);

  get current(): Prompts {
    return this.inert;
  }

  set current(prompts: Prompts) {
    this.implementation = prompts;
  }
}
