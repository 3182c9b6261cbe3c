// Restricted Mode (issue 10, point 1), inside a real VS Code whose workspace is not trusted and whose settings plant a
// profile "attacker" as the default: the workspace's profile settings are ignored, editing (the language server) works,
// and every command that would talk to Polytomic says Restricted Mode and sends nothing. The runner
// (harness/run-restricted.ts) checks afterwards that no request reached either recording server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, openInEditor, polytomic, ScriptedPrompts, workspaceUri } from '../suite/polytomicSupport';

describe('Polytomic in Restricted Mode', () => {
  after(async () => (await polytomic()).resetPrompts());

  it('the workspace is untrusted, the extension is active, and the workspace\'s profile settings are ignored', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder opened in Restricted Mode');
    const api = await polytomic();
    assert.equal((await api.activeProfile())?.name, 'emulator', 'the user\'s own profile, not the planted default');
    // VS Code itself keeps the restricted settings' workspace values out (the manifest lists them).
    assert.equal(vscode.workspace.getConfiguration('polytomic').get('defaultProfile'), 'emulator');
  });

  it('editing works: the language server reports a broken file\'s schema error', async () => {
    const document = await openInEditor(workspaceUri('connections/broken.polytomic.json'));
    const diagnostics = await diagnosticsWhere(document.uri, (d) => d.length > 0);
    assert.ok(diagnostics.length > 0);
  });

  it('every command that would send says Restricted Mode, offers to manage trust, and sends nothing', async () => {
    const api = await polytomic();
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    await openInEditor(workspaceUri('connections/warehouse.polytomic.json'));
    process.env.PG_PASSWORD = 'restricted-pw'; // the file's placeholder resolves, so only Restricted Mode can stop it
    const commands = [
      'polytomic.refreshConnectionTypes',
      'polytomic.testConnection',
      'polytomic.createConnection',
      'polytomic.planWorkspace',
      'polytomic.applyPlan',
      'polytomic.importOrganization',
    ];
    for (const command of commands) {
      await vscode.commands.executeCommand(command, workspaceUri('connections/warehouse.polytomic.json'));
    }
    delete process.env.PG_PASSWORD;
    const restricted = prompts.notifications.filter((n) => n.message.startsWith('This workspace is in Restricted Mode: Polytomic sends nothing'));
    assert.equal(restricted.length, commands.length, JSON.stringify(prompts.notifications));
    for (const n of restricted) assert.deepEqual(n.actions, ['Manage Workspace Trust']);
    assert.equal(prompts.asked.length, 0, 'nothing was asked: there is nothing to allow in Restricted Mode');
    await api.refreshTree();
    const [message] = api.treeChildren();
    assert.ok(message?.kind === 'message' && /Restricted Mode/.test(message.text), 'the tree says why it is empty');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // background work would have sent by now
  });
});
