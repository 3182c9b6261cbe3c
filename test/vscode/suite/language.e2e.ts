// In a real VS Code: connection files get the `polytomic` language, activate the extension and get the language
// server's diagnostics. Runs in the extension host against a temporary copy of test/vscode/workspace/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'polytomic-community.polytomic-connections';

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function openConnectionFile(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Resolves with the document's diagnostics from `source` as soon as there are any (mocha's timeout bounds the wait). */
function diagnosticsFrom(source: string, uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
  return new Promise((resolve) => {
    const check = () => {
      const found = current();
      if (found.length === 0) return false;
      subscription.dispose();
      resolve(found);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Waits for the extension to finish activating on its own (activation events, not a forced activate()). */
async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  while (!extension.isActive) await new Promise((resolve) => setTimeout(resolve, 50));
  return extension;
}

describe('connection files in VS Code', () => {
  it('opens *.polytomic.json files with the polytomic language', async () => {
    const document = await openConnectionFile('connections/warehouse.polytomic.json');
    assert.equal(document.languageId, 'polytomic');
  });

  it('activates the Polytomic extension for a workspace of connection files', async () => {
    await openConnectionFile('connections/warehouse.polytomic.json');
    const extension = await activeExtension();
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(extension.isActive, true);
  });

  it('reports a schema error of a broken file from the polytomic language server, on the offending value', async () => {
    const document = await openConnectionFile('connections/broken.polytomic.json');
    const diagnostics = await diagnosticsFrom('polytomic', document.uri);
    const portLine = document.getText().split('\n').findIndex((line) => line.includes('"port"'));
    const onPort = diagnostics.filter((d) => d.range.start.line === portLine);
    assert.ok(
      onPort.length > 0,
      `expected a diagnostic on line ${portLine + 1} ("port"), got: ${diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`,
    );
    assert.equal(onPort[0].severity, vscode.DiagnosticSeverity.Error);
  });
});
