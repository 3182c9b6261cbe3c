// The folder as the source of truth, in a real VS Code against the emulator: Plan Workspace sorts real files into
// create, update, blocked, duplicate and stale from one list call (the duplicate files warned on their ids), Apply Plan
// sends the chosen items (one consent question, ids written back, a failure does not stop the others) and planning
// again says unchanged, the Connections view shows which side moved after the live connection and the file change,
// and Import Organization writes a file per unmanaged connection once. The tests build on each other, in order.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Connection } from '../../../core/src/api/types';
import type { ApplyItemResult } from '../../../core/src/workspace/applyPlan';
import type { ImportResult } from '../../../core/src/workspace/importOrganization';
import type { Plan, PlanAction } from '../../../core/src/workspace/plan';
import type { PolytomicExtensionApi } from '../../../client/src/extensionApi';
import type { PlanNode } from '../../../client/src/plan/planView';
import type { TreeNode } from '../../../client/src/tree/connectionsTree';
import { emulator, eventually, logLines, openInEditor, polytomic, readWorkspaceFile, ScriptedPrompts, workspaceUri, writeWorkspaceFile } from './polytomicSupport';

const ENV = 'WP_PG_PASSWORD';
const PASSWORD = 'wp-pw-5d20c9e1';
const LIST_CALL = /GET \/api\/connections -> 200/;
const ITEM_CALL = /GET \/api\/connections\/[^ ]+ ->/;

function pgFile(name: string, configuration: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}): string {
  const body = {
    ...envelope,
    name,
    type: 'postgresql',
    configuration: { hostname: `${name.toLowerCase().replace(/\W+/g, '-')}.example.com`, port: 5432, database: 'plan', username: 'app', password: `\${env:${ENV}}`, ...configuration },
  };
  return `// written by the workspace plan tests\n${JSON.stringify(body, null, 2)}\n`;
}

async function createLive(name: string, configuration: Record<string, unknown> = {}): Promise<string> {
  const created = await emulator('POST', '/api/connections', {
    name,
    type: 'postgresql',
    configuration: { hostname: 'live.example.com', port: 5432, database: 'plan', username: 'app', password: PASSWORD, ...configuration },
    validate: false,
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return created.body.data.id;
}

/** Changes a live connection through the API, as someone in the Polytomic app would. */
async function changeLive(id: string, change: Record<string, unknown>): Promise<void> {
  const current = (await emulator('GET', `/api/connections/${id}`)).body.data as Connection;
  // The masked password goes back as it came: the emulator keeps the stored secret.
  const updated = await emulator('PUT', `/api/connections/${id}`, { name: current.name, type: current.type?.id, configuration: { ...current.configuration, ...change }, validate: false });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
}

async function replaceInDocument(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const start = document.getText().indexOf(from);
  assert.ok(start >= 0, `"${from}" is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

function viewGroups(api: PolytomicExtensionApi): Map<string, { count: string; items: { key: string; label: string; description: string }[] }> {
  const out = new Map<string, { count: string; items: { key: string; label: string; description: string }[] }>();
  for (const group of api.planChildren()) {
    const header = api.planItem(group);
    const items = api.planChildren(group as PlanNode).map((node) => {
      const item = api.planItem(node);
      return { key: node.kind === 'planItem' ? node.item.key : '', label: String(item.label), description: String(item.description ?? '') };
    });
    out.set(String(header.label), { count: String(header.description), items });
  }
  return out;
}

function treeItemOf(api: PolytomicExtensionApi, id: string): vscode.TreeItem | undefined {
  const nodes = api.treeChildren().flatMap((n: TreeNode) => (n.kind === 'group' ? api.treeChildren(n) : [n]));
  const node = nodes.find((n) => n.kind === 'connection' && n.connection.id === id);
  return node && api.treeItem(node);
}

function treeNodeOf(api: PolytomicExtensionApi, id: string): TreeNode | undefined {
  return api.treeChildren().flatMap((n: TreeNode) => (n.kind === 'group' ? api.treeChildren(n) : [n])).find((n) => n.kind === 'connection' && n.connection.id === id);
}

function fileId(text: string): string | undefined {
  return /"id": "([^"]+)"/.exec(text)?.[1];
}

describe('the workspace plan, apply, drift and import', () => {
  let api: PolytomicExtensionApi;
  let prompts: ScriptedPrompts;
  const uris: Record<string, vscode.Uri> = {};
  let updateId: string;
  let duplicateId: string;
  let plan: Plan;

  const actionOf = (name: string): PlanAction | undefined => plan.items.find((i) => i.key === uris[name].toString())?.action;

  before(async () => {
    api = await polytomic();
    process.env[ENV] = PASSWORD;
    updateId = await createLive('Plan Gamma', { hostname: 'gamma.example.com' });
    duplicateId = await createLive('Plan Copied');
    const files: Record<string, string> = {
      alpha: pgFile('Plan Alpha'),
      beta: pgFile('Plan Beta'),
      unreachable: pgFile('Plan Unreachable', { hostname: 'db.unreachable.example.com' }, { validate: true }),
      gamma: pgFile('Plan Gamma', { hostname: 'gamma.example.com', port: 6543 }, { id: updateId }),
      broken: pgFile('Plan Broken', { port: 'not-a-port' }),
      stale: pgFile('Plan Stale', {}, { id: '7a1c4d36-9f0e-4b8a-8d55-0000000dead0' }),
      copyA: pgFile('Plan Copied', { hostname: 'live.example.com' }, { id: duplicateId }),
      copyB: pgFile('Plan Copied', { hostname: 'live.example.com' }, { id: duplicateId }),
    };
    for (const [name, text] of Object.entries(files)) uris[name] = await writeWorkspaceFile(`plan/${name}.polytomic.json`, text);
  });

  beforeEach(() => {
    prompts = new ScriptedPrompts();
    prompts.install(api);
  });

  after(() => {
    delete process.env[ENV];
    api.resetPrompts();
  });

  it('Plan Workspace sorts the files from one list call, and the Plan view groups them with counts and the summary', async () => {
    const before = logLines(api);
    plan = (await vscode.commands.executeCommand<Plan>('polytomic.planWorkspace'))!;
    assert.ok(plan, `the plan failed: ${JSON.stringify(prompts.notifications)}`);
    assert.equal(actionOf('alpha'), 'create');
    assert.equal(actionOf('beta'), 'create');
    assert.equal(actionOf('unreachable'), 'create');
    assert.equal(actionOf('gamma'), 'update');
    assert.equal(actionOf('broken'), 'blocked');
    assert.equal(actionOf('stale'), 'stale');
    assert.equal(actionOf('copyA'), 'duplicate');
    assert.equal(actionOf('copyB'), 'duplicate');
    const gamma = plan.items.find((i) => i.key === uris.gamma.toString())!;
    assert.deepEqual(gamma.changes.map((c) => [c.path, c.note]), [['configuration.port', '5432 → 6543']]);
    const broken = plan.items.find((i) => i.key === uris.broken.toString())!;
    assert.match(broken.reason ?? '', /^line \d+: .*(integer|port)/i, 'the server\'s own first error');
    assert.equal(broken.file?.label, 'plan/broken.polytomic.json');
    assert.ok(!plan.items.some((i) => i.action === 'unmanaged' && (i.id === updateId || i.id === duplicateId)), 'file-held connections are not unmanaged');

    // One list call, and no request per connection (the list carries the configurations).
    const after = await eventually(() => {
      const lines = logLines(api);
      return lines.filter((l) => LIST_CALL.test(l)).length > before.filter((l) => LIST_CALL.test(l)).length ? lines : undefined;
    }, 'the list call in the log');
    assert.equal(after.filter((l) => LIST_CALL.test(l)).length, before.filter((l) => LIST_CALL.test(l)).length + 1, 'exactly one list call');
    assert.equal(after.filter((l) => ITEM_CALL.test(l)).length, before.filter((l) => ITEM_CALL.test(l)).length, 'no request per connection');

    const groups = viewGroups(api);
    const titles = [...groups.keys()];
    for (const title of ['To create', 'To update', 'Blocked', 'Duplicate', 'Stale']) assert.ok(titles.includes(title), `the view lacks ${title}: ${titles.join(', ')}`);
    for (const [title, group] of groups) assert.equal(Number(group.count), group.items.length, `${title}'s count`);
    assert.equal(groups.get('To create')!.count, String(plan.counts.create));
    const created = groups.get('To create')!.items.find((i) => i.key === uris.alpha.toString());
    assert.deepEqual(created && [created.label, created.description], ['Plan Alpha', 'plan/alpha.polytomic.json']);
    assert.match(groups.get('To update')!.items.find((i) => i.key === uris.gamma.toString())!.description, /plan\/gamma\.polytomic\.json · port: 5432 → 6543/);
    assert.match(api.planHeader().description ?? '', new RegExp(`^${plan.counts.create} to create, ${plan.counts.update} to update, ${plan.counts.blocked} blocked`));
    assert.match(api.planHeader().description ?? '', /\(emulator\)$/);
  });

  it('each file of a duplicate id gets a warning on its id naming the other file', async () => {
    for (const [self, other] of [
      ['copyA', 'copyB'],
      ['copyB', 'copyA'],
    ]) {
      const warning = await eventually(
        () => vscode.languages.getDiagnostics(uris[self]).find((d) => d.code === 'duplicate-id'),
        `the duplicate-id warning of ${self}`,
      );
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(warning.message, new RegExp(`^plan/${other}\\.polytomic\\.json also holds connection id ${duplicateId}: an update from either file overwrites the other's connection`));
      const text = await readWorkspaceFile(uris[self]);
      const line = text.split('\n').findIndex((l) => l.includes(`"id": "${duplicateId}"`));
      assert.equal(warning.range.start.line, line, 'on the id line');
      assert.equal(text.split('\n')[line].slice(warning.range.start.character, warning.range.end.character), `"${duplicateId}"`, 'on the id value');
    }
  });

  it('Apply Plan sends the chosen items with one consent question, writes the ids, and a failed item does not stop the others', async () => {
    const chosen = [uris.alpha, uris.gamma, uris.unreachable].map(String);
    prompts.pickManyAnswers = [
      (items) => {
        assert.ok(items.every((i) => i.picked), 'every create and update is preselected');
        assert.ok(!items.some((i) => /broken|stale|copy/.test(String(i.description))), 'only creates and updates are offered');
        return items.filter((i) => chosen.includes((i as unknown as { item: { key: string } }).item.key));
      },
    ];
    let confirmation = '';
    prompts.confirmAnswer = (message, detail) => {
      confirmation = `${message}\n${detail}`;
      return true;
    };
    let consent = '';
    prompts.consentAnswer = (message, detail) => {
      consent = `${message}\n${detail}`;
      return true;
    };
    const results = await vscode.commands.executeCommand<ApplyItemResult[]>('polytomic.applyPlan');
    assert.ok(results, `apply failed: ${JSON.stringify(prompts.notifications)}`);
    assert.match(confirmation, /^Apply 2 creates and 1 update in emulator\?/);
    assert.equal(prompts.asked.filter((a) => a.kind === 'confirm' && /^Send environment variables/.test(a.text)).length, 1, 'one consent question for all files');
    assert.match(consent, /3 files read these when they are sent/);
    assert.match(consent, /plan\/alpha\.polytomic\.json: \$\{env:WP_PG_PASSWORD\} → configuration\.password/);

    const byKey = new Map(results.map((r) => [r.key, r]));
    assert.equal(byKey.get(uris.alpha.toString())?.outcome, 'done');
    assert.equal(byKey.get(uris.gamma.toString())?.outcome, 'done');
    const failed = byKey.get(uris.unreachable.toString());
    assert.equal(failed?.outcome, 'failed');
    assert.match(failed?.reason ?? '', /could not reach/);
    assert.equal(results.length, 3, 'beta was not chosen');

    const alphaId = fileId(await readWorkspaceFile(uris.alpha));
    assert.ok(alphaId, 'the created id is in the file');
    assert.equal(byKey.get(uris.alpha.toString())?.id, alphaId);
    assert.equal((await emulator('GET', `/api/connections/${alphaId}`)).body.data.name, 'Plan Alpha');
    assert.equal((await emulator('GET', `/api/connections/${updateId}`)).body.data.configuration.port, 6543, 'the update went through');
    assert.equal(fileId(await readWorkspaceFile(uris.unreachable)), undefined, 'nothing written into the failed file');
    assert.equal(fileId(await readWorkspaceFile(uris.beta)), undefined, 'nothing sent for an item not chosen');

    const summary = prompts.notifications.find((n) => /^Apply Plan in emulator:/.test(n.message));
    assert.equal(summary?.message, 'Apply Plan in emulator: 2 done, 1 failed.');
    assert.deepEqual(summary?.actions, ['Show Details']);
    assert.ok(
      logLines(api).some((l) => /Apply Plan: failed: create "Plan Unreachable" \(plan\/unreachable\.polytomic\.json\): .*could not reach/.test(l)),
      'the details are in the Output channel',
    );
    assert.ok(!logLines(api).some((l) => l.includes(PASSWORD)), 'the password is not in the log');

    // Planned again: the view shows what is left, and why the failed one failed.
    const groups = viewGroups(api);
    const toCreate = groups.get('To create')!.items.map((i) => i.key);
    assert.ok(toCreate.includes(uris.beta.toString()) && toCreate.includes(uris.unreachable.toString()));
    assert.ok(!toCreate.includes(uris.alpha.toString()));
    assert.match(groups.get('To create')!.items.find((i) => i.key === uris.unreachable.toString())!.description, /^failed in the last apply/);
    assert.equal(api.planHeader().message, 'Last apply: 2 done, 1 failed.', 'and nothing else: the apply\'s own id writes do not make the new plan old');
  });

  it('a file saved after the plan makes the Plan view say the plan is old', async () => {
    const doc = await openInEditor(uris.beta);
    await replaceInDocument(doc, '"database": "plan"', '"database": "plan_v2"');
    await doc.save();
    await eventually(() => (/Connection files changed since this plan/.test(api.planHeader().message ?? '') ? true : undefined), 'the note that the plan is old');
    await replaceInDocument(doc, '"database": "plan_v2"', '"database": "plan"');
    await doc.save();
  });

  it('planning again says the applied files are unchanged', async () => {
    plan = (await vscode.commands.executeCommand<Plan>('polytomic.planWorkspace'))!;
    assert.equal(actionOf('alpha'), 'unchanged', JSON.stringify(plan.items.find((i) => i.key === uris.alpha.toString())));
    assert.equal(actionOf('gamma'), 'unchanged', JSON.stringify(plan.items.find((i) => i.key === uris.gamma.toString())));
    assert.equal(actionOf('beta'), 'create');
    assert.equal(api.planHeader().message, undefined, 'a new plan forgets the last apply');
  });

  it('Apply Plan asks for a missing value once by name, and skips a file with unsaved changes', async () => {
    delete process.env[ENV];
    const sessionValue = 'wp-session-pw-0b7e44';
    const dirty = await openInEditor(uris.unreachable);
    await replaceInDocument(dirty, '"port": 5432', '"port": 5433');
    prompts.pickManyAnswers = [(items) => items.filter((i) => [uris.beta, uris.unreachable].map(String).includes((i as unknown as { item: { key: string } }).item.key))];
    prompts.confirmAnswer = () => true;
    prompts.inputAnswers = [sessionValue];
    try {
      const results = (await vscode.commands.executeCommand<ApplyItemResult[]>('polytomic.applyPlan'))!;
      assert.ok(results, `apply failed: ${JSON.stringify(prompts.notifications)}`);
      const byKey = new Map(results.map((r) => [r.key, r]));
      assert.equal(byKey.get(uris.beta.toString())?.outcome, 'done', JSON.stringify(results));
      assert.equal(byKey.get(uris.unreachable.toString())?.outcome, 'skipped');
      assert.match(byKey.get(uris.unreachable.toString())?.reason ?? '', /plan\/unreachable\.polytomic\.json has unsaved changes: save it/);
      assert.deepEqual(
        prompts.asked.filter((a) => a.kind === 'input').map((a) => a.text),
        [`For configuration.password. ${ENV} is not set in the environment: the value is used for this VS Code session only.`],
        'asked once, for the one missing name',
      );
      assert.ok(fileId(await readWorkspaceFile(uris.beta)), 'beta got its id');
      assert.equal(dirty.isDirty, true, 'the unsaved edit was neither saved nor lost');
      assert.ok(!logLines(api).some((l) => l.includes(sessionValue)), 'the typed value is not in the log');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      process.env[ENV] = PASSWORD;
    }
  });

  it('the Connections view shows each file-held connection in sync, changed in Polytomic, in the file, or both, with the diff one click away', async () => {
    const alphaId = fileId(await readWorkspaceFile(uris.alpha))!;
    await api.refreshTree();
    assert.match(String(treeItemOf(api, alphaId)?.description), /^plan\/alpha\.polytomic\.json · in sync$/);
    assert.match(String(treeItemOf(api, updateId)?.description), /· in sync$/);

    await changeLive(alphaId, { database: 'changed_in_polytomic' });
    await api.refreshTree();
    const alpha = treeItemOf(api, alphaId)!;
    assert.match(String(alpha.description), /· changed in Polytomic$/);
    assert.match(String(alpha.contextValue), /\.drift-live-changed$/);

    const gammaDoc = await openInEditor(uris.gamma);
    await replaceInDocument(gammaDoc, '"port": 6543', '"port": 6544');
    await gammaDoc.save();
    await api.refreshTree();
    assert.match(String(treeItemOf(api, updateId)?.description), /· changed in the file$/);
    await changeLive(updateId, { database: 'changed_too' });
    await api.refreshTree();
    assert.match(String(treeItemOf(api, updateId)?.description), /· changed in the file and in Polytomic$/);

    // Show Diff from the tree: the live side has the change made in Polytomic, the file side the file's value.
    await vscode.commands.executeCommand('polytomic.showPlanDiff', treeNodeOf(api, alphaId));
    const sides = await eventually(() => {
      const docs = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'polytomic-live' && d.uri.path.startsWith(`/${alphaId}/`));
      return docs.length === 2 ? docs : undefined;
    }, 'both sides of the diff');
    const live = sides.find((d) => d.uri.path.includes('/live/'))!.getText();
    const file = sides.find((d) => d.uri.path.includes('/file/'))!.getText();
    assert.match(live, /changed_in_polytomic/);
    assert.match(file, /"database": "plan"/);
    assert.ok(!live.includes(PASSWORD) && !file.includes(PASSWORD), 'no secret in the diff');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an unmanaged item of the Plan view offers Pull, which writes it into a file', async () => {
    plan = (await vscode.commands.executeCommand<Plan>('polytomic.planWorkspace'))!;
    const group = api.planChildren().find((g) => g.kind === 'planGroup' && g.group.action === 'unmanaged');
    assert.ok(group, 'the plan has unmanaged connections');
    const node = api.planChildren(group).find((n) => n.kind === 'planItem' && n.item.type === 'postgresql');
    assert.ok(node && node.kind === 'planItem', 'an unmanaged PostgreSQL connection');
    assert.equal(api.planItem(node).contextValue, 'planItem.unmanaged', 'the menus offer Pull on it');
    const target = workspaceUri('plan/pulled.polytomic.json');
    prompts.saveAnswer = () => target;
    const pulled = await vscode.commands.executeCommand<vscode.Uri>('polytomic.pullConnection', node);
    assert.equal(pulled?.toString(), target.toString(), JSON.stringify(prompts.notifications));
    assert.equal(fileId(await readWorkspaceFile(target)), node.item.id);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a file to create that looks like an unmanaged connection is not preselected in Apply Plan, and says to Pull it', async () => {
    // A connection no file holds, as a create whose id never reached its file leaves one.
    const created = await emulator('POST', '/api/connections', { name: 'Lookalike Postgres', type: 'postgresql', configuration: { hostname: 'h.example.com', port: 5432, database: 'd', username: 'u', password: 'lookalike-secret' } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const twin = { id: created.body.data.id as string, name: 'Lookalike Postgres' };
    const uri = await writeWorkspaceFile('plan/lookalike.polytomic.json', JSON.stringify({ name: twin.name, type: 'postgresql', configuration: { hostname: 'h.example.com', port: 5432, database: 'd', username: 'u', password: `\${env:${ENV}}` } }, null, 2) + '\n');
    try {
      plan = (await vscode.commands.executeCommand<Plan>('polytomic.planWorkspace'))!; // Apply Plan applies the plan shown
      let offered: readonly vscode.QuickPickItem[] = [];
      prompts.pickManyAnswers = [
        (items) => {
          offered = items;
          return [];
        },
      ];
      await vscode.commands.executeCommand('polytomic.applyPlan');
      const lookalike = offered.find((i) => (i as unknown as { item: { key: string } }).item.key === uri.toString());
      assert.ok(lookalike, `offered: ${offered.map((i) => i.label).join(', ')}`);
      assert.equal(lookalike.picked, false, 'chosen only on purpose');
      assert.match(String(lookalike.detail), new RegExp(`connection named "${twin.name}" that no file holds \\(id ${twin.id}\\).*Pull it into this file instead`));
      assert.ok(offered.filter((i) => i !== lookalike).every((i) => i.picked), 'the others stay preselected');
    } finally {
      await vscode.workspace.fs.delete(uri);
      await emulator('DELETE', `/api/connections/${twin.id}`);
    }
  });

  it('Import Organization writes a file per unmanaged connection, never over a file, and a second import writes nothing', async () => {
    plan = (await vscode.commands.executeCommand<Plan>('polytomic.planWorkspace'))!;
    const unmanaged = plan.items.filter((i) => i.action === 'unmanaged');
    assert.ok(unmanaged.length > 0, 'the demo organisation has connections without a file');
    const folder = workspaceUri('imported');
    prompts.folderAnswer = () => folder;
    const first = (await vscode.commands.executeCommand<ImportResult>('polytomic.importOrganization'))!;
    assert.ok(first, `import failed: ${JSON.stringify(prompts.notifications)}`);
    assert.equal(first.written.length + first.skipped.length, unmanaged.length, 'every unmanaged connection is written or skipped with a reason');
    assert.ok(first.written.length > 0);
    for (const file of first.written) {
      const text = await readWorkspaceFile(vscode.Uri.joinPath(folder, ...file.relativePath.split('/')));
      assert.equal(fileId(text), file.id, `${file.relativePath} holds its connection`);
    }
    for (const skipped of first.skipped) assert.ok(skipped.reason.length > 0);
    const summary = prompts.notifications.find((n) => /^Import Organization from emulator into imported:/.test(n.message));
    assert.match(summary?.message ?? '', new RegExp(`: ${first.written.length} connections? written`));
    assert.deepEqual(summary?.actions, ['Show Details']);

    // Each imported connection and its new file agree: in sync in the tree.
    await api.refreshTree();
    for (const file of first.written) {
      assert.equal(String(treeItemOf(api, file.id)?.description), `imported/${file.relativePath} · in sync`, file.name);
    }

    const second = (await vscode.commands.executeCommand<ImportResult>('polytomic.importOrganization'))!;
    assert.equal(second.written.length, 0, `the second import wrote ${second.written.map((w) => w.relativePath).join(', ')}`);
    assert.deepEqual(
      second.skipped.map((s) => s.id).sort(),
      first.skipped.map((s) => s.id).sort(),
      'only the ones skipped before are skipped again',
    );
  });

  it('Import Organization writes nothing through a link that leads out of the chosen folder', async () => {
    const created = await emulator('POST', '/api/connections', { name: 'Linked Postgres', type: 'postgresql', configuration: { hostname: 'l.example.com', port: 5432, database: 'd', username: 'u', password: 'linked-secret' } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'import-outside-'));
    const folder = workspaceUri('linked');
    await vscode.workspace.fs.createDirectory(folder);
    symlinkSync(outside, path.join(folder.fsPath, 'postgresql'));
    try {
      prompts.folderAnswer = () => folder;
      const result = (await vscode.commands.executeCommand<ImportResult>('polytomic.importOrganization'))!;
      assert.deepEqual(result.written.filter((w) => w.relativePath.startsWith('postgresql/')), []);
      assert.match(result.skipped.find((s) => s.id === created.body.data.id)?.reason ?? '', /leads outside linked through a link/);
      assert.deepEqual(readdirSync(outside), []);
    } finally {
      await emulator('DELETE', `/api/connections/${created.body.data.id}`);
      rmSync(path.join(folder.fsPath, 'postgresql')); // the link first, so nothing follows it
      rmSync(folder.fsPath, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
