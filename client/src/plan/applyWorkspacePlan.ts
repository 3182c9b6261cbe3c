// Polytomic: Apply Plan: the creates and updates of the shown plan (preselected in a pick, except a create that looks
// like a connection no file holds), confirmed, then sent
// with bounded concurrency (polytomic.apply.concurrency) under one progress notification with counts and Cancel.
// Before anything is sent, one question covers every placeholder the chosen files read (sendConsent.ts); a missing
// value is asked for once per name. Each create's id is written into its file; a failed item never stops the others,
// and running Apply again after a failure replays a create instead of making a second connection (CreateKeys).
// A file with unsaved changes is skipped (Apply sends what is saved, and writing its id would save the edits).
// Deleting unmanaged connections is not part of Apply. One summary at the end, then the workspace is planned again.
import * as vscode from 'vscode';
import { parseConnectionText, setIdEdits } from '../../../core/src/connectionFile';
import { CreateKeys } from '../../../core/src/createKeys';
import { describeMissing, findPlaceholders } from '../../../core/src/placeholders';
import { applyPlan, applySummary, type ApplyDependencies, type ApplyItemResult } from '../../../core/src/workspace/applyPlan';
import { applicableItems, planSummary, type PlanItem } from '../../../core/src/workspace/plan';
import { applyFileEdits } from '../commands/documentEdits';
import { askForValue } from '../commands/prepareBody';
import { withCancellableProgress } from '../progress';
import { ensureSendConsentForFiles } from '../secrets/sendConsent';
import type { Services } from '../services';
import { applyWords, askOncePerName, changeSummary, resultLines } from './planModel';
import { planWorkspace } from './planWorkspace';
import { fileUri, openDocument, savedText } from './workspaceFiles';

export const MAX_APPLY_CONCURRENCY = 16;
const SHOW_DETAILS = 'Show Details';

/** The setting, kept within 1..16 whatever a workspace's settings say. */
export function applyConcurrency(): number {
  const value = vscode.workspace.getConfiguration('polytomic').get<number>('apply.concurrency', 4);
  return Math.min(MAX_APPLY_CONCURRENCY, Math.max(1, Math.floor(Number.isFinite(value) ? value : 4)));
}

export async function applyWorkspacePlan(services: Services): Promise<ApplyItemResult[] | undefined> {
  const { profile, client } = await services.sessions.current();
  let plan = services.plan.current;
  // A plan is applied only to the profile it was made against.
  if (!plan || plan.profileName !== profile.name) plan = await planWorkspace(services);
  const candidates = applicableItems(plan);
  if (candidates.length === 0) {
    void services.prompts.current.notify('info', `Nothing to apply in ${profile.name}: ${planSummary(plan.counts)}.`);
    return [];
  }
  const picked = await services.prompts.current.pickMany(
    candidates.map((item) => ({
      label: item.name,
      description: `${item.action} · ${item.file?.label ?? ''}`,
      detail: changeSummary(item),
      // A create that looks like a connection no file holds (its own earlier create?) is chosen only on purpose.
      picked: !item.lookalikeIds,
      item,
    })),
    { title: 'Apply Plan', placeHolder: `The connections to create or update in ${profile.name}`, matchOnDescription: true },
  );
  if (!picked || picked.length === 0) return undefined;
  const chosen = picked.map((p) => p.item);
  const listed = chosen.slice(0, 30).map((i) => `${i.action} "${i.name}" (${i.file?.label}): ${changeSummary(i)}`);
  if (chosen.length > listed.length) listed.push(`… and ${chosen.length - listed.length} more`);
  const confirmed = await services.prompts.current.confirm(
    `Apply ${applyWords(chosen)} in ${profile.name}?`,
    `${listed.join('\n')}\n\nAn update replaces the whole configuration. Each created connection's id is written into its file.`,
    'Apply',
  );
  if (!confirmed) return undefined;

  const unsavedResults: ApplyItemResult[] = [];
  const ready: PlanItem[] = [];
  for (const item of chosen) {
    if (item.file && openDocument(fileUri(item.file))?.isDirty) {
      unsavedResults.push({ key: item.key, name: item.name, label: item.file.label, action: item.action, outcome: 'skipped', reason: `${item.file.label} has unsaved changes: save it, then plan and apply again` });
    } else ready.push(item);
  }
  await ensureSendConsentForFiles(
    services.context.workspaceState,
    services.prompts,
    ready.flatMap((item) => (item.file ? [{ label: item.file.label, uses: findPlaceholders(parseConnectionText(item.file.text).value?.configuration ?? {}) }] : [])),
    { profileName: profile.name, baseUrl: profile.baseUrl },
  );

  const deps: ApplyDependencies = {
    profileName: profile.name,
    createConnection: (body, options) => client.createConnection(body, options),
    updateConnection: (id, body, signal) => client.updateConnection(id, body, signal),
    createKeys: new CreateKeys(services.context.workspaceState, () => services.secrets.digestKey()),
    sources: services.secrets.sources(),
    fingerprints: services.secrets.fingerprints(),
    schemaFor: (typeId) => services.catalog.schemaFor(typeId),
    readText: (file) => savedText(fileUri(file)),
    writeId: async (file, id) => {
      const uri = fileUri(file);
      const document = await vscode.workspace.openTextDocument(uri);
      await applyFileEdits(document, setIdEdits(document.getText(), id), 'always');
      services.index.record(uri, document.getText());
    },
    validateDefault: vscode.workspace.getConfiguration('polytomic').get<boolean>('validateOnSend', true),
    onResolvedValues: (values) => services.output.addSecrets(values),
    resolveMissing: (() => {
      const ask = askOncePerName((missing) => askForValue(services, missing));
      return (_file, missing) => ask(missing);
    })(),
    describeMissing,
    onApplied: async (item, connection, sentText) => {
      services.output.info(`${item.action === 'create' ? 'Created' : 'Updated'} connection "${connection.name}" (${connection.id}) in ${profile.name} from ${item.file?.label}.`);
      await services.drift.record(profile.name, sentText, connection);
    },
  };

  const sent = await withCancellableProgress(`Applying ${ready.length} connection${ready.length === 1 ? '' : 's'} to ${profile.name}`, (signal, report) =>
    applyPlan(ready, deps, {
      concurrency: applyConcurrency(),
      signal,
      onProgress: (p) => report(`${p.done + p.failed + p.skipped} of ${p.total}: ${p.done} done, ${p.failed} failed, ${p.skipped} skipped`),
    }),
  );
  // An API error can quote what was sent: reasons pass the log's scrubber before the view shows them.
  const results = [...sent, ...unsavedResults].map((r) => (r.reason ? { ...r, reason: services.output.scrub(r.reason) } : r));
  const summary = applySummary(results);
  const details = resultLines(results);
  services.output.info(`Apply Plan in ${profile.name}: ${summary}.`);
  for (const line of details) services.output.warn(`Apply Plan: ${line}`);

  void services.tree.refreshWhenSeen();
  await planWorkspace(services, { results, summary }).catch((error) =>
    services.output.warn(`Planning again after the apply failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  const failed = results.some((r) => r.outcome === 'failed');
  void services.prompts.current
    .notify(failed ? 'warning' : 'info', `Apply Plan in ${profile.name}: ${summary}.`, ...(details.length > 0 ? [SHOW_DETAILS] : []))
    .then((choice) => {
      if (choice === SHOW_DETAILS) services.output.show();
    });
  return results;
}
