// Before a file's placeholders are resolved and sent for the first time from this workspace, the user sees which
// environment variables and stored secrets will be read, into which field, and where they go, and agrees once.
// A file from elsewhere (a cloned repository) could otherwise put `${env:AWS_SECRET_ACCESS_KEY}` in a hostname.
// Agreement is kept per placeholder, field and destination, in workspace state (names only, never values).
// Apply Plan asks once for all the files it sends, each line naming its file.
import type * as vscode from 'vscode';
import { placeholder, PlaceholderUse } from '../../../core/src/placeholders';
import type { PromptHolder } from '../ui';
import { UserError } from '../userError';

const STATE_KEY = 'polytomic.placeholderConsent';

export interface SendDestination {
  profileName: string;
  baseUrl: string;
}

export interface ConsentFile {
  label: string;
  uses: PlaceholderUse[];
}

export async function ensureSendConsent(
  state: vscode.Memento,
  prompts: PromptHolder,
  label: string,
  uses: PlaceholderUse[],
  destination: SendDestination,
): Promise<void> {
  return ensureSendConsentForFiles(state, prompts, [{ label, uses }], destination);
}

/** One question for several files (the workspace apply): each line names its file. Declining sends none of them. */
export async function ensureSendConsentForFiles(state: vscode.Memento, prompts: PromptHolder, files: ConsentFile[], destination: SendDestination): Promise<void> {
  const approved = new Set(state.get<string[]>(STATE_KEY) ?? []);
  const entry = (u: PlaceholderUse) => `${u.kind}:${u.name}@${u.path}->${destination.baseUrl}`;
  const asking = files.map((f) => ({ label: f.label, fresh: f.uses.filter((u) => !approved.has(entry(u))) })).filter((f) => f.fresh.length > 0);
  if (asking.length === 0) return;
  const fresh = asking.flatMap((f) => f.fresh);
  const single = asking.length === 1;
  const lineOf = (label: string, u: PlaceholderUse) => `${single ? '' : `${label}: `}${placeholder(u.kind, u.name)} → ${u.path}`;
  const lines = [...new Set(asking.flatMap((f) => f.fresh.map((u) => lineOf(f.label, u))))];
  const reads = [fresh.some((u) => u.kind === 'env') ? 'environment variables' : '', fresh.some((u) => u.kind === 'secret') ? 'stored secrets' : '']
    .filter(Boolean)
    .join(' and ');
  const who = single ? asking[0].label : `${asking.length} files`;
  const agreed = await prompts.current.confirm(
    `Send ${reads} to ${destination.profileName} (${destination.baseUrl})?`,
    `${single ? `${who} reads` : `${who} read`} these when ${single ? 'it is' : 'they are'} sent, each into the field after its arrow:\n${lines.join('\n')}\n\n` +
      'Check that each one belongs in its field. This is asked once per name and field in this workspace.',
    'Send',
  );
  if (!agreed) {
    throw new UserError(`Nothing was sent: ${who} ${single ? 'reads' : 'read'} ${lines.length === 1 ? 'a value' : 'values'} you did not agree to send (${lines.join(', ')}).`, [], 'warning');
  }
  await state.update(STATE_KEY, [...approved, ...fresh.map(entry)]);
}
