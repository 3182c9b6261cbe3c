// pull ID [--into DIR | --file F]: one live connection written as a file. Into the file that holds its id already
// (under the working folder or DIR), merged (comments and placeholders kept); else a NEW file in DIR (default: the
// working folder), <name>.polytomic.json or, when that name is taken, <name>-<id8>.polytomic.json: a file that holds
// another connection, or none yet, is never touched unless --file names it (then it is merged into, unless it holds
// another connection).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isPolytomicApiError } from '../../../core/src/api/errors';
import { fileConnectionId, parseConnectionText } from '../../../core/src/connectionFile';
import type { Connection } from '../../../core/src/api/types';
import { connectionToFileText, fileNameFor, mergeIntoFileText, withShortId } from '../../../core/src/pullFile';
import { fingerprintScope } from '../../../core/src/secretFingerprints';
import { schemaReadOnlyKeys, schemaSensitiveKeys, secretRule } from '../../../core/src/sensitiveFields';
import { readConnectionFile } from '../../../core/src/workspace/files';
import type { WorkspaceFile } from '../../../core/src/workspace/files';
import { newFileWriter, readTextIfPresent, writeFileAtomic } from '../../../core/src/workspace/nodeFiles';
import { openApiSession, type Environment } from '../apiSession';
import { API_OPTIONS, HELP_OPTION, oneOf, parseCommandArgs } from '../args';
import { CATALOG_OPTIONS, catalogFolders, openCatalog } from '../catalogSession';
import { CliError, describeError, EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import { findFiles } from '../findFiles';
import { PULL_HELP } from '../help';
import { inertLine } from '../inertLine';
import type { Output } from '../output';
import { scrubbingOutput } from '../scrubbingOutput';
import { openFingerprints, stateDir } from '../stateFiles';
import { lockState, type StateLock } from '../stateLock';
import { apiFailure } from '../workspacePlan';
import { PLACEHOLDER_KINDS } from './import';

/** What an id looks like: it becomes a segment of the request path. */
const CONNECTION_ID = /^[A-Za-z0-9_-]{1,128}$/;

type PulledFile = ReturnType<typeof connectionToFileText>;

const OPTIONS = {
  ...API_OPTIONS,
  ...HELP_OPTION,
  ...CATALOG_OPTIONS,
  into: { type: 'string' },
  file: { type: 'string' },
  placeholder: { type: 'string' },
  'state-dir': { type: 'string' },
} as const;

export async function runPull(argv: string[], environment: Environment, rawOut: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('pull', argv, OPTIONS, true);
  if (values.help) {
    rawOut.stdout(PULL_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new CliError('pull takes one connection id: pull ID [--into DIR | --file FILE].');
  if (values.into !== undefined && values.file !== undefined) throw new CliError('Give --into DIR or --file FILE, not both.');
  const [id] = positionals;
  // The id goes into the request path: "..", "/" or "?" would address another resource.
  if (!CONNECTION_ID.test(id)) throw new CliError(`"${id}" is not a connection id: an id has letters, digits, - and _ only ("plan --format json" lists the ids).`);
  const placeholderKind = oneOf('placeholder', values.placeholder, PLACEHOLDER_KINDS, 'env');
  const folders = catalogFolders(values, environment.cwd);
  const cwd = environment.cwd;

  const out = scrubbingOutput(rawOut);
  const session = openApiSession(values, environment, (text) => out.stderr(text));
  out.addSecrets([session.apiKey]);
  const stateFolder = stateDir(cwd, values['state-dir']);
  let lock: StateLock | undefined;
  try {
    // An apply in this folder writes ids into files and the state pull updates: one at a time.
    lock = await lockState(stateFolder, 'pull');
    const live = await session.client.getConnection(id).catch((error: unknown) => {
      if (isPolytomicApiError(error) && error.kind === 'not_found') {
        throw new CliError(`Profile "${session.profile.name}" has no connection ${id}. "plan" lists the unmanaged ones with their ids.`, EXIT_PROBLEMS);
      }
      throw apiFailure(`Reading connection ${id}`, error);
    });
    const typeId = live.type?.id;
    const catalog = await openCatalog(folders, environment.env, { source: session.client, profile: session.profile, typeIds: typeId ? [typeId] : [] }).catch((error: unknown) => {
      throw new CliError(describeError(error), EXIT_PROBLEMS);
    });
    const schema = typeId ? await catalog.schemaFor(typeId) : undefined;
    const options = { placeholderKind, readOnlyKeys: schemaReadOnlyKeys(schema), isSecret: secretRule(schemaSensitiveKeys(schema)) };

    const shownPath = (file: string) => path.relative(cwd, file) || file;
    let target: string;
    let existing: string | undefined;
    let result: PulledFile;
    if (values.file !== undefined) {
      target = path.resolve(cwd, values.file);
      existing = await readTextIfPresent(target).catch((error: unknown) => {
        throw new CliError(`Cannot read ${shownPath(target)} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}).`);
      });
      const otherId = existing === undefined ? undefined : fileConnectionId(parseConnectionText(existing).value);
      if (otherId && otherId !== live.id) {
        throw new CliError(`${shownPath(target)} holds another connection (${otherId}); pull "${live.name}" into a new file (--file) or one without an id.`, EXIT_PROBLEMS);
      }
      result = existing === undefined ? connectionToFileText(live, options) : mergeIntoFileText(existing, live, options);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, result.text);
    } else {
      const dir = path.resolve(cwd, values.into ?? '.');
      const holder = await fileHolding(live.id, dir, cwd);
      if (holder) {
        target = holder.path;
        existing = holder.text;
        result = mergeIntoFileText(holder.text, live, options);
        await writeFileAtomic(target, result.text);
      } else {
        result = connectionToFileText(live, options);
        target = await writeNewFile(dir, live, result.text, shownPath);
      }
    }
    const shown = shownPath(target);
    // The file now holds placeholders whose values were never sent from here: their status is "not known".
    const fingerprints = await openFingerprints(stateFolder, session.apiKey, (text) => out.stderr(text));
    await fingerprints.write(fingerprintScope(session.profile.name, live.id), undefined);

    // The name, id and field paths come from the API: printed inert.
    out.stdout(`${existing === undefined ? 'Wrote' : 'Updated'} ${inertLine(shown)} from "${inertLine(live.name)}" (id ${inertLine(live.id)}).\n`);
    const placeholders = [...new Set(result.placeholders)].map(inertLine);
    if (placeholders.length > 0) out.stdout(`Secrets are not written to files: set ${placeholders.join(', ')} before sending it.\n`);
    if (result.refused.length > 0) out.stdout(`Not copied, since their live values read like placeholders: ${result.refused.map(inertLine).join(', ')}.\n`);
    return EXIT_OK;
  } finally {
    await lock?.release();
    await session.client.close();
  }
}

/** The file under the working folder (or under DIR, when DIR is elsewhere) that holds the id already. */
async function fileHolding(id: string, dir: string, cwd: string): Promise<WorkspaceFile | undefined> {
  const roots = ['.'];
  const inside = dir === cwd || dir.startsWith(cwd + path.sep);
  if (!inside && (await fs.stat(dir).then((s) => s.isDirectory(), () => false))) roots.push(dir);
  return (await findFiles(roots, cwd)).find((f) => readConnectionFile(f).id === id);
}

/** A new file in `dir`: <name>.polytomic.json, else <name>-<id8>.polytomic.json; never over an existing file. */
async function writeNewFile(dir: string, live: Connection, text: string, shownPath: (file: string) => string): Promise<string> {
  const plain = fileNameFor(live.name);
  const candidates = [plain, withShortId(plain, live.id)];
  const write = newFileWriter(dir);
  for (const name of candidates) {
    const outcome = await write(name, text).catch((error: unknown) => {
      throw new CliError(`Cannot write ${shownPath(path.join(dir, name))} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}).`, EXIT_PROBLEMS);
    });
    if (outcome === 'written') return path.join(dir, name);
  }
  const taken = candidates.map((name) => shownPath(path.join(dir, name))).join(' and ');
  throw new CliError(`${taken} exist already and do not hold connection ${live.id}: nothing was overwritten. Pull it into a file of your choice with --file FILE.`, EXIT_PROBLEMS);
}
