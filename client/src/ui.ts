// Every question the extension asks the user goes through one replaceable object. The default asks through VS Code's
// UI; the in-editor tests swap in scripted answers through the extension's exported test hooks (see extensionApi.ts),
// so destructive flows keep their real confirmations and are still testable.
import * as vscode from 'vscode';

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
  saveLocation(defaultUri: vscode.Uri | undefined, title: string): Promise<vscode.Uri | undefined>;
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
  saveLocation: (defaultUri, title) =>
    Promise.resolve(vscode.window.showSaveDialog({ defaultUri, title, filters: { 'Polytomic connection': ['json'] } })),
  notify(kind, message, ...actions) {
    const show =
      kind === 'error' ? vscode.window.showErrorMessage : kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return Promise.resolve(show(message, ...actions));
  },
};

/** The holder the commands read from; tests replace `current`. */
export class PromptHolder {
  current: Prompts = vscodePrompts;
}
