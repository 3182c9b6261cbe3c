// Polytomic: Set Secret: the value behind a `${secret:NAME}` placeholder, kept in VS Code's SecretStorage for this
// workspace. Without a name it offers the names the open file uses, each marked set or missing.
// Polytomic: Use for This Session (offered when `${env:NAME}` is not set): the value kept in memory until VS Code closes.
import * as vscode from 'vscode';
import { findPlaceholders } from '../../../core/src/placeholders';
import { parseConnectionText } from '../../../core/src/connectionFile';
import type { Services } from '../services';
import { askForValue } from './prepareBody';

const NAME_RULE = /^[^}\s]+$/;

export async function setSecret(services: Services, name?: unknown): Promise<void> {
  const ui = services.prompts.current;
  const chosen = typeof name === 'string' ? name : await chooseName(services);
  if (!chosen) return;
  if (!(await askForValue(services, { kind: 'secret', name: chosen, path: 'files that use it' }))) return;
  void ui.notify('info', `Secret ${chosen} saved for this workspace; files using \${secret:${chosen}} will send it.`);
}

export async function useForSession(services: Services, name?: unknown): Promise<void> {
  if (typeof name !== 'string' || !NAME_RULE.test(name)) return;
  if (!(await askForValue(services, { kind: 'env', name, path: 'files that use it' }))) return;
  void services.prompts.current.notify('info', `\${env:${name}} has a value for this session; run the command again to send it.`);
}

async function chooseName(services: Services): Promise<string | undefined> {
  const ui = services.prompts.current;
  const active = vscode.window.activeTextEditor?.document;
  const configuration = active?.languageId === 'polytomic' ? parseConnectionText(active.getText()).value?.configuration : undefined;
  const used = new Map<string, string>();
  for (const use of findPlaceholders(configuration)) if (use.kind === 'secret' && !used.has(use.name)) used.set(use.name, use.path);
  const other = 'Another name...';
  if (used.size > 0) {
    const items = await Promise.all(
      [...used].map(async ([secretName, path]) => ({
        label: secretName,
        description: (await services.secrets.getSecret(secretName)) === undefined ? 'missing' : 'set',
        detail: `used for ${path}`,
      })),
    );
    const picked = await ui.pick([...items, { label: other, description: '', detail: 'a name the open file does not use' }], {
      title: 'Set Secret',
      placeHolder: 'The secret to set (the NAME in ${secret:NAME})',
    });
    if (!picked) return undefined;
    if (picked.label !== other) return picked.label;
  }
  const typed = await ui.input({
    title: 'Set Secret',
    prompt: 'The NAME in ${secret:NAME}',
    validateInput: (value) => (NAME_RULE.test(value) ? undefined : 'A name without spaces or braces, e.g. POSTGRESQL_PASSWORD.'),
  });
  return typed && NAME_RULE.test(typed) ? typed : undefined;
}
