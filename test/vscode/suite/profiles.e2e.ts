// Profiles in a real VS Code: Add Profile writes the profile (never the key) to the user settings and makes it active;
// the tree then lists that profile's connections; Remove Profile takes it away again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apiKey, emulatorUrl, polytomic, readWorkspaceFile, ScriptedPrompts, workspaceUri } from './polytomicSupport';

describe('Polytomic profiles', () => {
  after(async () => (await polytomic()).resetPrompts());

  it('Add Profile stores the profile without its key, makes it active, and its API version is used', async () => {
    const api = await polytomic();
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    prompts.inputAnswers = ['e2e-added', emulatorUrl(), apiKey()];
    prompts.pickAnswers = [
      (items) => items.find((i) => i.label.startsWith('On-premises')),
      (items) => items.find((i) => i.label === 'User API key'),
      (items) => items.find((i) => i.label === '2024-02-08'),
    ];
    assert.equal(await vscode.commands.executeCommand('polytomic.addProfile'), 'e2e-added');
    const inspected = vscode.workspace.getConfiguration('polytomic').inspect<{ name: string }[]>('profiles');
    const added = inspected?.globalValue?.find((p) => p.name === 'e2e-added');
    assert.deepEqual(added, { name: 'e2e-added', baseUrl: emulatorUrl(), keyKind: 'user', apiVersion: '2024-02-08' }, 'the profile is in the user settings');
    assert.ok(!JSON.stringify(inspected).includes(apiKey()), 'no settings scope holds the key');
    const settingsText = await readWorkspaceFile(workspaceUri('.vscode/settings.json'));
    assert.ok(!settingsText.includes('e2e-added'), 'the workspace settings are left alone');
    assert.ok(prompts.asked.some((p) => p.kind === 'input' && /secret storage/.test(p.text)), 'the key prompt says where the key goes');

    await api.refreshTree();
    assert.ok((api.treeConnections()?.length ?? 0) > 0, 'the new active profile lists connections');
  });

  it('Switch Profile and Remove Profile bring the workspace back to its default profile', async () => {
    const api = await polytomic();
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    prompts.pickAnswers = [(items) => items.find((i) => i.label === 'e2e-added')];
    prompts.confirmAnswer = (message) => message === 'Remove profile "e2e-added"?';
    await vscode.commands.executeCommand('polytomic.removeProfile');
    const profiles = vscode.workspace.getConfiguration('polytomic').get<{ name: string }[]>('profiles') ?? [];
    assert.deepEqual(profiles.map((p) => p.name), ['emulator']);

    prompts.pickAnswers = [(items) => items.find((i) => i.label.endsWith('emulator'))];
    assert.equal(await vscode.commands.executeCommand('polytomic.switchProfile'), 'emulator');
    await api.refreshTree();
    assert.ok((api.treeConnections()?.length ?? 0) > 0);
  });

  it('a profile in the settings that cannot be used is skipped, and said once with a way to fix it', async () => {
    const api = await polytomic();
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    const config = vscode.workspace.getConfiguration('polytomic');
    const before = config.inspect('profiles')?.workspaceValue;
    const bad = { name: 'e2e-plain-http', baseUrl: 'http://polytomic.example.com', keyKind: 'user', apiVersion: '2025-09-18' };
    await config.update('profiles', [...((before as unknown[]) ?? []), bad], vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal((await api.activeProfile())?.name, 'emulator', 'the usable profile stays active');
      const warning = prompts.notifications.find((n) => n.kind === 'warning' && n.message.includes('e2e-plain-http'));
      assert.ok(warning, JSON.stringify(prompts.notifications));
      assert.match(warning.message, /Plain http:\/\/ is refused/);
      assert.deepEqual(warning.actions, ['Open Settings']);
      await api.activeProfile();
      assert.equal(prompts.notifications.filter((n) => n.message.includes('e2e-plain-http')).length, 1, 'said once');
    } finally {
      await config.update('profiles', before, vscode.ConfigurationTarget.Workspace);
    }
  });
});
