// The command line and the editor give a file the same verdict: validate --format json against what the language
// server (dist/server.js, over a real LSP connection) publishes for the same files opened in an editor session.
// The one difference allowed is the advice the command line gives instead of the editor's (diagnosticInCliWords: an
// unknown type says --online rather than "sign in"), applied here to what the server publishes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { diagnosticInCliWords } from '../../cli/src/cliWording';
import { LspSession } from '../server/lsp-session';
import { BROKEN_POSTGRES, PLAYGROUND, runCli, SHARED_CATALOG, tempFolder, WARNING_POSTGRES } from './support';

interface Entry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string | null;
  message: string;
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

function fromLsp(file: string, d: Diagnostic): Entry {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY[d.severity ?? 1],
    code: d.code === undefined ? null : String(d.code),
    message: diagnosticInCliWords(typeof d.message === 'string' ? d.message : d.message.value, false),
  };
}

const key = (e: Entry) => JSON.stringify([e.file, e.line, e.column, e.endLine, e.endColumn, e.severity, e.code, e.message]);

/** Files with every kind of problem the server reports on its own: syntax, duplicates, schema, secrets, types. */
const EXTRA_FILES = {
  'broken.polytomic.json': BROKEN_POSTGRES,
  'warning.polytomic.json': WARNING_POSTGRES,
  'syntax.polytomic.json': '{\n  "name": "a",\n  "name": "b",\n  "type": "postgresql",\n  "configuration": { "hostname": "h", }\n',
  'unknown-type.polytomic.json': '{ "name": "x", "type": "no_such_type", "configuration": {} }\n',
  'not-an-object.polytomic.json': '[1, 2]\n',
  'wide.polytomic.json': '{ "name": "Ünïcödé 🚀", "type": "postgresql", "configuration": { "hostname": "ü", "port": "x" } }\n',
  'crm.polytomic.json': '{\n  "name": "CRM",\n  "type": "affinity",\n  "configuration": { "api_key": "literal-key-value", "colour": 1 }\n}\n',
};

async function compare(session: LspSession, dir: string, cliArgs: string[]): Promise<number> {
  const result = await runCli(['validate', '--format', 'json', ...cliArgs, '.'], { cwd: dir });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const cli = (JSON.parse(result.stdout) as Entry[]).map(key).sort();
  const published: Entry[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.polytomic.json')).sort()) {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    for (const d of await session.open(pathToFileURL(file).href, text)) published.push(fromLsp(name, d));
  }
  assert.deepEqual(cli, published.map(key).sort());
  return published.length;
}

describe('validate --format json equals what the language server publishes', () => {
  describe('bundled catalog', () => {
    let session: LspSession;
    before(async () => {
      session = (await LspSession.start({ debounceMs: 0 })).session;
    });
    after(() => session.stop());

    test('the playground files', async () => {
      const count = await compare(session, PLAYGROUND, []);
      assert.ok(count >= 3, 'the playground has problems to compare');
    });

    test('files with syntax, schema, secret and type problems', async () => {
      const count = await compare(session, tempFolder(EXTRA_FILES), []);
      assert.ok(count >= 8, `compared ${count} diagnostics`);
    });
  });

  describe('with --catalog, the server given the same catalog folder', () => {
    let session: LspSession;
    before(async () => {
      session = (await LspSession.start({ catalogDirs: [SHARED_CATALOG], debounceMs: 0 })).session;
    });
    after(() => session.stop());

    test('a type only that catalog has', async () => {
      const count = await compare(session, tempFolder(EXTRA_FILES), ['--catalog', SHARED_CATALOG]);
      assert.ok(count >= 8, `compared ${count} diagnostics`);
    });
  });
});
