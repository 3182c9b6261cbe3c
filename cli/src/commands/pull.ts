// pull ID [--into DIR | --file F]: one live connection written as a file. Into the file that holds its id already
// (under the working folder), else a new <name>.polytomic.json; an existing target is merged into (comments and
// placeholders kept), never replaced, and never when it holds another connection.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isPolytomicApiError } from '../../../core/src/api/errors';
import { fileConnectionId, parseConnectionText } from '../../../core/src/connectionFile';
import { connectionToFileText, fileNameFor, mergeIntoFileText } from '../../../core/src/pullFile';
import { fingerprintScope } from '../../../core/src/secretFingerprints';
import { schemaReadOnlyKeys, schemaSensitiveKeys, secretRule } from '../../../core/src/sensitiveFields';
import { readConnectionFile } from '../../../core/src/workspace/files';
import { readTextIfPresent, writeFileAtomic } from '../../../core/src/workspace/nodeFiles';
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
import { apiFailure } from '../workspacePlan';
import { PLACEHOLDER_KINDS } from './import';

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
  const placeholderKind = oneOf('placeholder', values.placeholder, PLACEHOLDER_KINDS, 'env');
  const folders = catalogFolders(values, environment.cwd);
  const cwd = environment.cwd;

  const out = scrubbingOutput(rawOut);
  const session = openApiSession(values, environment, (text) => out.stderr(text));
  out.addSecrets([session.apiKey]);
  try {
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

    let target: string;
    if (values.file !== undefined) target = path.resolve(cwd, values.file);
    else if (values.into !== undefined) target = path.resolve(cwd, values.into, fileNameFor(live.name));
    else target = (await findFiles(['.'], cwd)).find((f) => readConnectionFile(f).id === live.id)?.path ?? path.resolve(cwd, fileNameFor(live.name));
    const shown = path.relative(cwd, target) || target;

    const existing = await readTextIfPresent(target).catch((error: unknown) => {
      throw new CliError(`Cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}).`);
    });
    const otherId = existing === undefined ? undefined : fileConnectionId(parseConnectionText(existing).value);
    if (otherId && otherId !== live.id) {
      throw new CliError(`${shown} holds another connection (${otherId}); pull "${live.name}" into a new file (--file) or one without an id.`, EXIT_PROBLEMS);
    }
    const result = existing === undefined ? connectionToFileText(live, options) : mergeIntoFileText(existing, live, options);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, result.text);
    // The file now holds placeholders whose values were never sent from here: their status is "not known".
    const fingerprints = await openFingerprints(stateDir(cwd, values['state-dir']), session.apiKey);
    await fingerprints.write(fingerprintScope(session.profile.name, live.id), undefined);

    // The name, id and field paths come from the API: printed inert.
    out.stdout(`${existing === undefined ? 'Wrote' : 'Updated'} ${inertLine(shown)} from "${inertLine(live.name)}" (id ${inertLine(live.id)}).\n`);
    const placeholders = [...new Set(result.placeholders)].map(inertLine);
    if (placeholders.length > 0) out.stdout(`Secrets are not written to files: set ${placeholders.join(', ')} before sending it.\n`);
    if (result.refused.length > 0) out.stdout(`Not copied, since their live values read like placeholders: ${result.refused.map(inertLine).join(', ')}.\n`);
    return EXIT_OK;
  } finally {
    await session.client.close();
  }
}
