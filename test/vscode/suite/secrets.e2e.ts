// The API key never appears in settings, in the extension's state, or in its log, after a run that used it for
// every kind of request (the earlier suites). Runs last: files are loaded in name order.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apiKey, eventually, logLines, polytomic, readWorkspaceFile, workspaceUri } from './polytomicSupport';

function forms(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
}

describe('the API key stays secret', () => {
  it('is not in the settings', async () => {
    const inspected = JSON.stringify(vscode.workspace.getConfiguration('polytomic').inspect('profiles')) +
      JSON.stringify(vscode.workspace.getConfiguration('polytomic'));
    const settingsFile = await readWorkspaceFile(workspaceUri('.vscode/settings.json'));
    for (const form of forms(apiKey())) {
      assert.ok(!inspected.includes(form), 'a polytomic setting holds the key');
      assert.ok(!settingsFile.includes(form), 'the workspace settings file holds the key');
    }
  });

  it('is not in the extension\'s workspace or global state', async () => {
    const state = (await polytomic()).stateSnapshot();
    for (const form of forms(apiKey())) assert.ok(!state.includes(form), 'the state holds the key');
  });

  it('is not in the log, which does record the requests', async () => {
    const api = await polytomic();
    const lines = await eventually(() => {
      const all = logLines(api);
      return all.some((l) => /POST \/api\/connections -> 2\d\d/.test(l)) ? all : undefined;
    }, 'the create request in the log');
    assert.ok(lines.some((l) => /DELETE \/api\/connections\/\S+ -> 422/.test(l)), 'the 422 of the delete is logged');
    const text = lines.join('\n');
    for (const form of forms(apiKey())) assert.ok(!text.includes(form), 'the log holds the key');
    assert.ok(!text.includes('e2e-pw-7c41d9a0'), 'the log holds a resolved ${env:...} secret');
    assert.ok(!text.includes('sk_test_e2e_from_secret_storage'), 'the log holds a resolved ${secret:...} value');
  });
});
