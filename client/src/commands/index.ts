// Registers every command; each runs through one wrapper that turns failures into a notification (never a crash).
import * as vscode from 'vscode';
import { applyWorkspacePlan } from '../plan/applyWorkspacePlan';
import { importOrganizationCommand } from '../plan/importOrganization';
import { planWorkspace } from '../plan/planWorkspace';
import { openPlanItemFile, showPlanDiff } from '../plan/showPlanDiff';
import type { Services } from '../services';
import { addProfile } from './addProfile';
import { applyConnection } from './applyConnection';
import { createConnection } from './createConnection';
import { deleteConnection, forceDeleteConnection } from './deleteConnection';
import { enterApiKey } from './enterApiKey';
import { moveToSecretStorage } from './moveToSecretStorage';
import { newConnectionFile } from './newConnectionFile';
import { openConnection } from './openConnection';
import { openInBrowser } from './openInBrowser';
import { pullConnection } from './pullConnection';
import { refreshConnectionTypes } from './refreshConnectionTypes';
import { removeProfile } from './removeProfile';
import { removeStaleId } from './removeStaleId';
import { setSecret, useForSession } from './setSecret';
import { signOut } from './signOut';
import { switchProfile } from './switchProfile';
import { testConnection } from './testConnection';
import { updateConnection } from './updateConnection';

type Handler = (services: Services, ...args: unknown[]) => Promise<unknown>;

/** Command id -> what it does, and the words used when it fails ("Create connection failed: ..."). */
const COMMANDS: Record<string, { action: string; run: Handler }> = {
  'polytomic.newConnectionFile': { action: 'New connection file', run: newConnectionFile },
  'polytomic.createConnection': { action: 'Create connection', run: createConnection },
  'polytomic.updateConnection': { action: 'Update connection', run: updateConnection },
  'polytomic.applyConnection': { action: 'Apply connection', run: applyConnection },
  'polytomic.testConnection': { action: 'Test connection', run: testConnection },
  'polytomic.pullConnection': { action: 'Pull connection', run: pullConnection },
  'polytomic.deleteConnection': { action: 'Delete connection', run: deleteConnection },
  'polytomic.forceDeleteConnection': { action: 'Force delete connection', run: forceDeleteConnection },
  'polytomic.openInBrowser': { action: 'Open in Polytomic', run: openInBrowser },
  'polytomic.openConnection': { action: 'Open connection', run: openConnection },
  'polytomic.refresh': { action: 'Refresh connections', run: (s) => s.tree.refresh() },
  'polytomic.refreshConnectionTypes': { action: 'Refresh connection types', run: refreshConnectionTypes },
  'polytomic.addProfile': { action: 'Add profile', run: addProfile },
  'polytomic.switchProfile': { action: 'Switch profile', run: switchProfile },
  'polytomic.removeProfile': { action: 'Remove profile', run: removeProfile },
  'polytomic.signOut': { action: 'Sign out', run: signOut },
  'polytomic.enterApiKey': { action: 'Enter API key', run: enterApiKey },
  'polytomic.setSecret': { action: 'Set secret', run: setSecret },
  'polytomic.useForSession': { action: 'Use for this session', run: useForSession },
  'polytomic.moveToSecretStorage': { action: 'Move to secret storage', run: moveToSecretStorage },
  'polytomic.removeStaleId': { action: 'Remove stale id', run: removeStaleId },
  'polytomic.planWorkspace': { action: 'Plan workspace', run: (s) => planWorkspace(s) },
  'polytomic.applyPlan': { action: 'Apply plan', run: applyWorkspacePlan },
  'polytomic.importOrganization': { action: 'Import organization', run: importOrganizationCommand },
  'polytomic.showPlanDiff': { action: 'Show diff', run: showPlanDiff },
  'polytomic.openPlanItemFile': { action: 'Open file', run: openPlanItemFile },
  'polytomic.showOutput': { action: 'Show output', run: async (s) => s.output.show() },
  'polytomic.toggleGrouping': {
    action: 'Toggle grouping',
    run: async () => {
      const config = vscode.workspace.getConfiguration('polytomic');
      await config.update('connections.groupByType', !config.get<boolean>('connections.groupByType', true), vscode.ConfigurationTarget.Global);
    },
  },
};

export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, { action, run }]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(services, ...args);
      } catch (error) {
        const fileUri = args[0] instanceof vscode.Uri ? args[0] : vscode.window.activeTextEditor?.document.languageId === 'polytomic' ? vscode.window.activeTextEditor.document.uri : undefined;
        await services.errors.report(error, { action, fileUri });
        return undefined;
      }
    }),
  );
}
