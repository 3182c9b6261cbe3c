// validate [paths...]: every connection file through the server's own standalone checker, offline against the
// bundled catalog (and --catalog folders), or --online against the profile's live catalog first.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConnectionText } from '../../../core/src/connectionFile';
import { findSchemasFolder } from '../../../server/src/catalog/bundledLocation';
import { standaloneFileDiagnostics } from '../../../server/src/fileValidation';
import { openApiSession, type Environment } from '../apiSession';
import { API_OPTIONS, HELP_OPTION, oneOf, parseCommandArgs } from '../args';
import { cacheRoot } from '../cacheDir';
import { checkCatalogFolder } from '../catalogFolders';
import { CliError, describeError, EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import { countEntries, formatGithub, formatHuman, formatJson, OUTPUT_FORMATS, toEntries, type FileResult } from '../diagnosticsReport';
import { findConnectionFilePaths } from '../findFiles';
import { VALIDATE_HELP } from '../help';
import { fetchLiveCatalog } from '../onlineCatalog';
import type { Output } from '../output';

const OPTIONS = {
  ...API_OPTIONS,
  ...HELP_OPTION,
  catalog: { type: 'string', multiple: true },
  online: { type: 'boolean' },
  'catalog-max-age': { type: 'string' },
  format: { type: 'string' },
} as const;

const DEFAULT_MAX_AGE_HOURS = 24;

/** The path as printed: relative to the working folder when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function maxAgeMs(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_AGE_HOURS * 3_600_000;
  const hours = Number(value);
  if (value.trim() === '' || !Number.isFinite(hours) || hours < 0) throw new CliError(`--catalog-max-age takes a number of hours, 0 or more (got "${value}").`);
  return hours * 3_600_000;
}

async function readText(file: string, shown: string): Promise<string> {
  try {
    const text = await fs.readFile(file, 'utf8');
    // The editor drops a byte order mark before the server sees the text; so does this.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new CliError(`Cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}).`);
  }
}

export async function runValidate(argv: string[], environment: Environment, out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', argv, OPTIONS, true);
  if (values.help) {
    out.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }
  const format = oneOf('format', values.format, OUTPUT_FORMATS, 'human');
  const ageMs = maxAgeMs(values['catalog-max-age']);
  const catalogDirs = (values.catalog ?? []).map((dir) => checkCatalogFolder(dir, environment.cwd));
  const schemasFolder = findSchemasFolder();
  if (!schemasFolder) {
    throw new CliError(`The bundled catalog (schemas/connection.schema.json) was not found above ${__dirname}. Run the tool from a clone after "npm ci && npm run build".`);
  }

  const files = await findConnectionFilePaths(positionals, environment.cwd);
  const texts: { file: string; shown: string; text: string }[] = [];
  for (const file of files) {
    const shown = displayPath(file, environment.cwd);
    texts.push({ file, shown, text: await readText(file, shown) });
  }
  if (files.length === 0) out.stderr(`No *.polytomic.json files in ${positionals.length > 0 ? positionals.join(', ') : 'the current folder'}.\n`);

  if (values.online) {
    const typeIds = texts.map((t) => parseConnectionText(t.text).value?.type).filter((t): t is string => typeof t === 'string');
    const session = openApiSession(values, environment);
    try {
      const liveDir = await fetchLiveCatalog({ source: session.client, profile: session.profile, cacheRoot: cacheRoot(environment.env), typeIds, maxAgeMs: ageMs });
      catalogDirs.unshift(liveDir);
    } catch (error) {
      throw new CliError(
        `Could not fetch the live catalog of profile "${session.profile.name}" from ${session.profile.baseUrl}: ${describeError(error)} Run without --online to check against the bundled catalog.`,
      );
    } finally {
      await session.client.close();
    }
  }

  const catalogLog = new Set<string>();
  const { check } = standaloneFileDiagnostics({ catalogDirs, schemasFolder, log: (line) => catalogLog.add(line) });
  const results: FileResult[] = [];
  for (const { file, shown, text } of texts) results.push({ file: shown, diagnostics: await check(pathToFileURL(file).href, text) });
  for (const line of catalogLog) out.stderr(`catalog: ${line}\n`);

  const entries = toEntries(results);
  const counts = countEntries(entries, files.length);
  out.stdout(format === 'json' ? formatJson(entries) : format === 'github' ? formatGithub(entries, counts) : formatHuman(entries, counts));
  return counts.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
