// The live catalog in a real VS Code: opening a file fetches its type's schema from the active profile into the
// extension's storage (API layout) and the language status item says the live schema applies; Refresh Connection
// Types refetches; when the API fails, the cache keeps serving and the status item says why and offers a retry.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhere, emulatorUrl, eventually, openInEditor, polytomic, ScriptedPrompts, workspaceUri } from './polytomicSupport';

async function setFaults(spec: unknown): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/__emulator/faults`, { method: spec ? 'POST' : 'DELETE', body: spec ? JSON.stringify(spec) : undefined });
  assert.ok(response.ok, `faults: ${response.status}`);
}

describe('the live catalog', () => {
  after(async () => {
    await setFaults(undefined);
    (await polytomic()).resetPrompts();
  });

  it('fetches the schema of an opened file\'s type into the profile\'s cache, and the status item says "live"', async () => {
    const api = await polytomic();
    await openInEditor(workspaceUri('connections/warehouse.polytomic.json'));
    const status = await eventually(async () => {
      const s = await api.schemaStatus();
      return /Schema: live/.test(s.text) ? s : undefined;
    }, 'the live schema status');
    assert.match(status.detail ?? '', /postgresql/);
    const [dir] = await api.catalogDirs();
    assert.ok(dir, 'the active profile has a catalog folder');
    const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { id: string }[];
    assert.ok(index.some((t) => t.id === 'postgresql'), 'index.json lists the cached type');
    const schema = JSON.parse(readFileSync(path.join(dir, 'postgresql.json'), 'utf8')) as { properties?: Record<string, unknown> };
    assert.ok(schema.properties?.hostname, 'the cached file is the bare JSON Schema');
  });

  it('Refresh Connection Types refetches the list and the cached schemas', async () => {
    const api = await polytomic();
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    const count = await vscode.commands.executeCommand<number>('polytomic.refreshConnectionTypes');
    assert.ok((count ?? 0) >= 1, `fetched ${count}`);
    assert.match(prompts.lastNotification()?.message ?? '', /Connection types refreshed from emulator/);
  });

  it('when the API fails, the cached schema still applies and the status item offers a retry', async () => {
    const api = await polytomic();
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    const broken = await openInEditor(workspaceUri('connections/broken.polytomic.json'));
    await setFaults({ errorRate: 1, errorStatuses: [503] });
    assert.equal(await vscode.commands.executeCommand('polytomic.refreshConnectionTypes'), undefined);
    assert.equal(prompts.lastNotification()?.kind, 'error');
    assert.ok(prompts.lastNotification()?.actions.includes('Show Output'));

    const status = await api.schemaStatus();
    assert.equal(status.severity, vscode.LanguageStatusSeverity.Warning);
    assert.match(status.detail ?? '', /Live catalog unavailable/);
    // The cache keeps the schema: the broken file still gets its schema error.
    const diagnostics = await diagnosticsWhere(broken.uri, (d) => d.some((x) => /port/.test(x.message)));
    assert.ok(diagnostics.length > 0);

    await setFaults(undefined);
    await vscode.commands.executeCommand('polytomic.refreshConnectionTypes');
    assert.equal((await api.schemaStatus()).severity, vscode.LanguageStatusSeverity.Information);
  });
});
