// import --into DIR: every live connection that no file holds (under the current folder, or under DIR if it is elsewhere), written into a file of its own
// (<type>/<name>.polytomic.json), secrets as placeholders, never over an existing file; OAuth types skipped with why.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readConnectionFile } from '../../../core/src/workspace/files';
import { importOrganization, importSummary } from '../../../core/src/workspace/importOrganization';
import { newFileWriter } from '../../../core/src/workspace/nodeFiles';
import { openApiSession, type Environment } from '../apiSession';
import { API_OPTIONS, HELP_OPTION, oneOf, parseCommandArgs } from '../args';
import { CATALOG_OPTIONS, catalogFolders, openCatalog } from '../catalogSession';
import { CliError, describeError, EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import { findFiles } from '../findFiles';
import { IMPORT_HELP } from '../help';
import { inertLine } from '../inertLine';
import type { Output } from '../output';
import { scrubbingOutput } from '../scrubbingOutput';
import { apiFailure } from '../workspacePlan';

export const PLACEHOLDER_KINDS = ['env', 'secret'] as const;

const OPTIONS = {
  ...API_OPTIONS,
  ...HELP_OPTION,
  ...CATALOG_OPTIONS,
  into: { type: 'string' },
  placeholder: { type: 'string' },
} as const;

export async function runImport(argv: string[], environment: Environment, rawOut: Output): Promise<number> {
  const { values } = parseCommandArgs('import', argv, OPTIONS, false);
  if (values.help) {
    rawOut.stdout(IMPORT_HELP);
    return EXIT_OK;
  }
  if (!values.into) throw new CliError('import needs --into DIR: the folder the new files go into (made when missing).');
  const placeholderKind = oneOf('placeholder', values.placeholder, PLACEHOLDER_KINDS, 'env');
  const folders = catalogFolders(values, environment.cwd);
  const into = path.resolve(environment.cwd, values.into);
  try {
    await fs.mkdir(into, { recursive: true });
  } catch (error) {
    throw new CliError(`--into ${values.into}: cannot make the folder (${(error as NodeJS.ErrnoException).code ?? describeError(error)}).`);
  }
  // A connection held by a file anywhere in the repository is managed already, not only one under DIR.
  const managedIds = new Set((await findFiles([environment.cwd, into], environment.cwd)).map((f) => readConnectionFile(f).id).filter((id): id is string => id !== undefined));

  const out = scrubbingOutput(rawOut);
  const session = openApiSession(values, environment, (text) => out.stderr(text));
  out.addSecrets([session.apiKey]);
  try {
    const live = await session.client.listConnections().catch((error: unknown) => {
      throw apiFailure(`Listing the connections of profile "${session.profile.name}" (${session.profile.baseUrl})`, error);
    });
    const typeIds = live.filter((c) => !managedIds.has(c.id)).map((c) => c.type?.id).filter((t): t is string => typeof t === 'string');
    const catalog = await openCatalog(folders, environment.env, { source: session.client, profile: session.profile, typeIds }).catch((error: unknown) => {
      throw new CliError(describeError(error), EXIT_PROBLEMS);
    });
    const result = await importOrganization(live, managedIds, {
      usesOauth: catalog.usesOauth,
      schemaFor: catalog.schemaFor,
      placeholderKind,
      writeNewFile: newFileWriter(into),
    });
    // Names, ids and reasons come from the API: printed inert.
    const shown = (relative: string) => inertLine(path.relative(environment.cwd, path.join(into, relative)) || relative);
    for (const file of result.written) {
      const placeholders = [...new Set(file.placeholders)].map(inertLine);
      out.stdout(`wrote    ${shown(file.relativePath)} (${inertLine(file.name)}, id ${inertLine(file.id)})${placeholders.length > 0 ? `; set ${placeholders.join(', ')} before sending it` : ''}\n`);
    }
    for (const skipped of result.skipped) out.stdout(`skipped  ${inertLine(skipped.name)} (id ${inertLine(skipped.id)}): ${inertLine(skipped.reason)}\n`);
    out.stdout(`\nImport: ${importSummary(result)}.\n`);
    return EXIT_OK;
  } finally {
    await session.client.close();
  }
}
