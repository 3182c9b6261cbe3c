// validate [paths...]: every connection file through the server's own standalone checker, offline against the
// bundled catalog (and --catalog folders), or --online against the profile's live catalog first.
import { pathToFileURL } from 'node:url';
import { parseConnectionText } from '../../../core/src/connectionFile';
import { openApiSession, type Environment } from '../apiSession';
import { API_OPTIONS, HELP_OPTION, oneOf, parseCommandArgs } from '../args';
import { CATALOG_OPTIONS, catalogFolders, openCatalog, withoutBom, type CatalogSession } from '../catalogSession';
import { EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import { countEntries, formatGithub, formatHuman, formatJson, OUTPUT_FORMATS, toEntries, type FileResult } from '../diagnosticsReport';
import { findFiles } from '../findFiles';
import { VALIDATE_HELP } from '../help';
import type { Output } from '../output';

const OPTIONS = {
  ...API_OPTIONS,
  ...HELP_OPTION,
  ...CATALOG_OPTIONS,
  online: { type: 'boolean' },
  format: { type: 'string' },
} as const;

export async function runValidate(argv: string[], environment: Environment, out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', argv, OPTIONS, true);
  if (values.help) {
    out.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }
  const format = oneOf('format', values.format, OUTPUT_FORMATS, 'human');
  const folders = catalogFolders(values, environment.cwd);
  const files = await findFiles(positionals, environment.cwd);
  if (files.length === 0) out.stderr(`No *.polytomic.json files in ${positionals.length > 0 ? positionals.join(', ') : 'the current folder'}.\n`);

  let catalog: CatalogSession;
  if (values.online) {
    const typeIds = files.map((f) => parseConnectionText(f.text).value?.type).filter((t): t is string => typeof t === 'string');
    const session = openApiSession(values, environment);
    try {
      catalog = await openCatalog(folders, environment.env, { source: session.client, profile: session.profile, typeIds });
    } finally {
      await session.client.close();
    }
  } else {
    catalog = await openCatalog(folders, environment.env);
  }

  const results: FileResult[] = [];
  for (const file of files) results.push({ file: file.label, diagnostics: await catalog.check(pathToFileURL(file.path).href, withoutBom(file.text)) });
  for (const line of catalog.log) out.stderr(`catalog: ${line}\n`);

  const entries = toEntries(results);
  const counts = countEntries(entries, files.length);
  out.stdout(format === 'json' ? formatJson(entries) : format === 'github' ? formatGithub(entries, counts) : formatHuman(entries, counts));
  return counts.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
