// The command surface the issue fixes: every command id exists, is registered by the running extension, sits in the
// palette under "Polytomic", and every menu entry names a contributed command and says where it applies.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, polytomic } from './polytomicSupport';

const REQUIRED_COMMANDS = [
  'polytomic.newConnectionFile',
  'polytomic.createConnection',
  'polytomic.updateConnection',
  'polytomic.applyConnection',
  'polytomic.testConnection',
  'polytomic.pullConnection',
  'polytomic.deleteConnection',
  'polytomic.forceDeleteConnection',
  'polytomic.openInBrowser',
  'polytomic.refresh',
  'polytomic.addProfile',
  'polytomic.switchProfile',
  'polytomic.removeProfile',
  'polytomic.planWorkspace',
  'polytomic.applyPlan',
  'polytomic.importOrganization',
];

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

describe('the extension\'s commands and menus', () => {
  let manifest: Manifest;

  before(async () => {
    await polytomic();
    manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
  });

  it('contributes every command of the issue, each under the category "Polytomic"', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command);
    for (const id of REQUIRED_COMMANDS) assert.ok(contributed.includes(id), `${id} is not contributed`);
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Polytomic', `${c.command} has no category`);
  });

  it('registers exactly the commands it contributes', async () => {
    // VS Code adds commands of its own for the views (polytomic.connections.focus, polytomic.plan.focus...): not the extension's.
    const registered = (await vscode.commands.getCommands(true)).filter(
      (id) => id.startsWith('polytomic.') && !id.startsWith('polytomic.connections.') && !id.startsWith('polytomic.plan.'),
    );
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual([...registered].sort(), [...contributed].sort());
  });

  it('menus name contributed commands, and each editor, explorer and view entry has a when clause', () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        assert.ok(contributed.has(entry.command), `${menu} names ${entry.command}`);
        assert.ok(entry.when, `${menu} entry ${entry.command} applies everywhere`);
      }
    }
    const treeItemMenu = manifest.contributes.menus['view/item/context'].map((e) => e.command);
    for (const id of ['polytomic.deleteConnection', 'polytomic.forceDeleteConnection', 'polytomic.pullConnection', 'polytomic.openInBrowser']) {
      assert.ok(treeItemMenu.includes(id), `tree items lack ${id}`);
    }
  });
});
