// The extension against the emulator, in a real VS Code: create writes the id and the emulator has the connection,
// the tree shows it, update and apply change it, test and pull work, and deleting a used connection meets the 422
// and force delete removes it with its dependents. Prompts are scripted through the extension's test hooks; the
// commands, the API client, the files and the emulator are all real. The tests build on each other, in order.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolytomicExtensionApi } from '../../../client/src/extensionApi';
import type { TreeNode } from '../../../client/src/tree/connectionsTree';
import {
  diagnosticsWhere,
  emulator,
  eventually,
  openInEditor,
  polytomic,
  readWorkspaceFile,
  ScriptedPrompts,
  workspaceUri,
  writeWorkspaceFile,
} from './polytomicSupport';

const NEW_FILE = 'connections/e2e-orders.polytomic.json';
const NEW_FILE_TEXT = `// created by the in-editor tests
{
  "name": "E2E Orders DB",
  "type": "postgresql",
  "configuration": {
    "hostname": "orders-e2e.example.com",
    "port": 5432,
    "database": "orders",
    "username": "e2e",
    // read from the environment when sent
    "password": "\${env:E2E_PG_PASSWORD}"
  }
}
`;
const PASSWORD = 'e2e-pw-7c41d9a0';

async function replaceInDocument(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const start = document.getText().indexOf(from);
  assert.ok(start >= 0, `"${from}" is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('Polytomic commands against the emulator', () => {
  let api: PolytomicExtensionApi;
  let prompts: ScriptedPrompts;
  let uri: vscode.Uri;
  let id: string;

  before(async () => {
    api = await polytomic();
    delete process.env.E2E_PG_PASSWORD;
    uri = await writeWorkspaceFile(NEW_FILE, NEW_FILE_TEXT);
  });

  beforeEach(() => {
    prompts = new ScriptedPrompts();
    prompts.install(api);
  });

  after(() => api.resetPrompts());

  it('completion inside `configuration` offers the type\'s fields', async () => {
    const doc = await openInEditor(
      await writeWorkspaceFile('connections/e2e-completion.polytomic.json', '{\n  "name": "Completion",\n  "type": "postgresql",\n  "configuration": {\n    \n  }\n}\n'),
    );
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(4, 4));
    const labels = list.items.map(labelOf).map((l) => l.replace(/"/g, ''));
    for (const field of ['hostname', 'port', 'database', 'username', 'password']) {
      assert.ok(labels.includes(field), `completion lacks ${field}: ${labels.join(', ')}`);
    }
    assert.ok(!labels.includes('hub_domain'), 'fields of other types are not offered');
  });

  it('diagnostics appear when a file breaks, and Create refuses it naming the error', async () => {
    const doc = await openInEditor(uri);
    await replaceInDocument(doc, '"port": 5432', '"port": "5432x"');
    const diagnostics = await diagnosticsWhere(doc.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    const portLine = doc.getText().split('\n').findIndex((l) => l.includes('"port"'));
    assert.ok(diagnostics.some((d) => d.range.start.line === portLine), 'the error sits on the port line');

    const result = await vscode.commands.executeCommand('polytomic.createConnection', doc.uri);
    assert.equal(result, undefined);
    const message = prompts.lastNotification()?.message ?? '';
    assert.match(message, /e2e-orders\.polytomic\.json has (an error|\d+ errors): line 7: /);
    const listed = await emulator('GET', '/api/connections');
    assert.ok(!listed.body.data.some((c: { name: string }) => c.name === 'E2E Orders DB'), 'nothing was sent');

    await replaceInDocument(doc, '"port": "5432x"', '"port": 5432');
    await diagnosticsWhere(doc.uri, (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    await doc.save();
  });

  it('Create names a missing ${env:...} placeholder and sends nothing', async () => {
    const result = await vscode.commands.executeCommand('polytomic.createConnection', uri);
    assert.equal(result, undefined);
    assert.match(prompts.lastNotification()?.message ?? '', /environment variable E2E_PG_PASSWORD \(for configuration\.password\)/);
  });

  it('Create sends the file, writes the returned id with a minimal edit, saves, and the emulator has the connection', async () => {
    process.env.E2E_PG_PASSWORD = PASSWORD;
    const created = await vscode.commands.executeCommand<string>('polytomic.createConnection', uri);
    assert.ok(created, `create failed: ${JSON.stringify(prompts.notifications)}`);
    id = created;
    const text = await readWorkspaceFile(uri);
    assert.equal(text, NEW_FILE_TEXT.replace('{\n  "name"', `{\n  "id": "${id}",\n  "name"`), 'only the id line was added; comments stay');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.isDirty, false, 'the file was saved');

    const live = await emulator('GET', `/api/connections/${id}`);
    assert.equal(live.status, 200);
    assert.equal(live.body.data.name, 'E2E Orders DB');
    assert.equal(live.body.data.configuration.hostname, 'orders-e2e.example.com');
    assert.match(live.body.data.configuration.password, /^\*+$/, 'the emulator holds a secret (masked in answers)');
  });

  it('a file that has an id is not created twice', async () => {
    const before = (await emulator('GET', '/api/connections')).body.data.length;
    assert.equal(await vscode.commands.executeCommand('polytomic.createConnection', uri), undefined);
    assert.match(prompts.lastNotification()?.message ?? '', /was created already/);
    assert.equal((await emulator('GET', '/api/connections')).body.data.length, before);
  });

  it('the tree shows the new connection under its type, with its file and "in sync" as description and a status icon', async () => {
    await api.refreshTree();
    const groups = api.treeChildren();
    const group = groups.find((g) => g.kind === 'group' && g.group.typeId === 'postgresql');
    assert.ok(group, `no postgresql group among ${groups.length} groups`);
    const node = api.treeChildren(group).find((n): n is Extract<TreeNode, { kind: 'connection' }> => n.kind === 'connection' && n.connection.id === id);
    assert.ok(node, 'the created connection is in the tree');
    const item = api.treeItem(node);
    assert.equal(item.label, 'E2E Orders DB');
    // Just created from the file: the two agree.
    assert.equal(item.description, `${vscode.workspace.asRelativePath(uri)} · in sync`);
    assert.equal(item.contextValue, 'connection.inWorkspace.drift-in-sync');
    assert.ok(item.iconPath instanceof vscode.ThemeIcon && ['pass-filled', 'error', 'circle-large-outline'].includes(item.iconPath.id));
    assert.equal(item.command?.command, 'polytomic.openConnection');

    const unhealthy = api.treeConnections()?.find((c) => c.status === 'unhealthy' && c.status_error);
    assert.ok(unhealthy, 'the demo organisation has an unhealthy connection');
    const unhealthyItem = api.treeItem({ kind: 'connection', connection: unhealthy });
    assert.equal((unhealthyItem.iconPath as vscode.ThemeIcon).id, 'error');
    assert.ok((unhealthyItem.tooltip as vscode.MarkdownString).value.includes(unhealthy.status_error!.slice(0, 10)));
  });

  it('Update sends the changed file and the emulator has the change', async () => {
    const doc = await openInEditor(uri);
    await replaceInDocument(doc, 'orders-e2e.example.com', 'orders-e2e-2.example.com');
    await doc.save();
    assert.equal(await vscode.commands.executeCommand('polytomic.updateConnection', uri), id);
    const live = await emulator('GET', `/api/connections/${id}`);
    assert.equal(live.body.data.configuration.hostname, 'orders-e2e-2.example.com');
  });

  it('Apply says "nothing to apply" when the file matches the live connection', async () => {
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), 'unchanged');
    assert.match(prompts.lastNotification()?.message ?? '', /Nothing to apply/);
  });

  it('Apply shows the diff with placeholders named, asks without covering it, and updates', async () => {
    const doc = await openInEditor(uri);
    await replaceInDocument(doc, '"port": 5432', '"port": 5433');
    const liveSides = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'polytomic-live' && d.uri.path.startsWith(`/${id}/`));
    let shownBeforeConfirm: string[] = [];
    prompts.notifyAnswer = (_message, actions) => {
      if (!actions.includes('Apply')) return undefined;
      shownBeforeConfirm = liveSides().map((d) => d.getText());
      return 'Apply';
    };
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), 'updated');
    assert.ok(prompts.notifications.some((n) => /Apply e2e-orders\.polytomic\.json to "E2E Orders DB"/.test(n.message) && /port: 5432 → 5433/.test(n.message)));
    assert.equal(shownBeforeConfirm.length, 2, 'both sides of the diff were open when the question came');
    for (const side of shownBeforeConfirm) {
      assert.ok(!side.includes(PASSWORD), 'a side of the diff shows the secret');
      // unchanged since the last update: named on both sides, so the line is no difference
      assert.match(side, /"password": "\$\{env:E2E_PG_PASSWORD\}"/);
    }
    assert.ok(shownBeforeConfirm.some((t) => t.includes('"port": 5432')) && shownBeforeConfirm.some((t) => t.includes('"port": 5433')));
    // After applying, the diff shows the updated connection on both sides (VS Code re-reads the virtual documents).
    await eventually(() => (liveSides().every((d) => d.getText().includes('"port": 5433')) ? true : undefined), 'the refreshed diff');
    assert.equal((await emulator('GET', `/api/connections/${id}`)).body.data.configuration.port, 5433);
    await doc.save();
  });

  it('Test reports success, and the reason when the upstream is unreachable', async () => {
    const passed = await vscode.commands.executeCommand<{ ok: boolean }>('polytomic.testConnection', uri);
    assert.deepEqual(passed?.ok, true);
    const unreachable = await writeWorkspaceFile(
      'connections/e2e-unreachable.polytomic.json',
      NEW_FILE_TEXT.replace('orders-e2e.example.com', 'unreachable.example.com').replace('E2E Orders DB', 'E2E Unreachable'),
    );
    const failed = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('polytomic.testConnection', unreachable);
    assert.equal(failed?.ok, false);
    assert.match(failed?.message ?? '', /E2E Unreachable.*failed: .+/);
    assert.equal(prompts.lastNotification()?.kind, 'error');
  });

  it('Pull writes a live connection into a new file with placeholders instead of masked secrets', async () => {
    const listed = (await emulator('GET', '/api/connections')).body.data as { id: string; name: string }[];
    const seeded = listed.find((c) => c.name === 'Production Postgres');
    assert.ok(seeded, 'the demo organisation has "Production Postgres"');
    const target = workspaceUri('pulled/production-postgres.polytomic.json');
    prompts.saveAnswer = () => target;
    const written = await vscode.commands.executeCommand<vscode.Uri>('polytomic.pullConnection', seeded.id);
    assert.equal(written?.toString(), target.toString());
    const text = await readWorkspaceFile(target);
    assert.ok(!text.includes('***'), 'no masked value lands in the file');
    assert.match(text, /"password": "\$\{env:POSTGRESQL_PASSWORD\}"/);
    assert.match(text, new RegExp(`"id": "${seeded.id}"`));
    assert.match(prompts.lastNotification()?.message ?? '', /set \$\{env:POSTGRESQL_PASSWORD\}/);
  });

  describe('deleting a connection that is in use', () => {
    let bulkSyncId: string;
    let modelId: string;

    before(async () => {
      const listed = (await emulator('GET', '/api/connections')).body.data as { id: string; name: string }[];
      const warehouse = listed.find((c) => c.name === 'Analytics Warehouse');
      assert.ok(warehouse);
      const model = await emulator('POST', '/api/models', { name: 'E2E model', connection_id: id });
      assert.equal(model.status, 200, JSON.stringify(model.body));
      modelId = model.body.data.id;
      const sync = await emulator('POST', '/api/bulk/syncs', { name: 'E2E nightly', source_connection_id: id, destination_connection_id: warehouse.id });
      assert.equal(sync.status, 200, JSON.stringify(sync.body));
      bulkSyncId = sync.body.data.id;
    });

    it('Delete confirms, meets the 422 and lists the dependents by type and name; declining keeps everything', async () => {
      prompts.confirmAnswer = () => true;
      prompts.chooseAnswer = () => undefined;
      assert.equal(await vscode.commands.executeCommand('polytomic.deleteConnection', uri), 'in-use');
      const [confirm, choice] = prompts.asked;
      assert.equal(confirm?.kind, 'confirm');
      assert.match(confirm?.text ?? '', /Delete connection "E2E Orders DB"/);
      assert.equal(choice?.kind, 'chooseModal');
      assert.match(choice?.text ?? '', /E2E model/);
      assert.match(choice?.text ?? '', /E2E nightly/);
      assert.match(choice?.text ?? '', /\[Keep "E2E Orders DB"\|Force Delete\.\.\.\]/, 'keeping it is the first (default) button');
      assert.equal((await emulator('GET', `/api/connections/${id}`)).status, 200);
      assert.match(await readWorkspaceFile(uri), new RegExp(`"id": "${id}"`));
    });

    it('Force Delete is not done when the typed name does not match', async () => {
      prompts.typeAnswer = () => 'E2E Orders';
      assert.equal(await vscode.commands.executeCommand('polytomic.forceDeleteConnection', uri), 'cancelled');
      assert.equal((await emulator('GET', `/api/connections/${id}`)).status, 200);
    });

    it('Force Delete from the 422 lists what goes with it, takes the typed name, and removes it and its dependents', async () => {
      prompts.confirmAnswer = () => true;
      prompts.chooseAnswer = (_m, _d, actions) => actions.find((a) => a.startsWith('Force Delete'));
      prompts.typeAnswer = (prompt, expected) => {
        assert.match(prompt, /E2E nightly/);
        assert.match(prompt, /E2E model/);
        return expected;
      };
      assert.equal(await vscode.commands.executeCommand('polytomic.deleteConnection', uri), 'force-deleted');
      // The dependents are known from the first 422: this Delete said "in use" in its first dialog.
      assert.equal(prompts.asked[0]?.kind, 'chooseModal');
      assert.match(prompts.asked[0]?.text ?? '', /"E2E Orders DB" in emulator is in use\.[\s\S]*E2E nightly[\s\S]*\[Keep "E2E Orders DB"\|Force Delete\.\.\.\]/);
      assert.equal((await emulator('GET', `/api/connections/${id}`)).status, 404);
      const state = (await fetch(`${process.env.POLYTOMIC_EMULATOR_URL}/__emulator/state`).then((r) => r.json())) as {
        data?: { bulk_syncs: { id: string }[]; models: { id: string }[] };
        bulk_syncs?: { id: string }[];
        models?: { id: string }[];
      };
      const admin = state.data ?? state;
      assert.ok(!admin.bulk_syncs?.some((s) => s.id === bulkSyncId), 'the bulk sync went with it');
      assert.ok(!admin.models?.some((m) => m.id === modelId), 'the model went with it');
      const text = await readWorkspaceFile(uri);
      assert.ok(!text.includes(id), 'the file lost the deleted id');
      assert.match(text, /\/\/ read from the environment when sent/, 'and kept its comments');
      assert.ok(!api.treeConnections()?.some((c) => c.id === id), 'the tree no longer lists it');
    });
  });
});
