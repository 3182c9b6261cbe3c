// The --help texts. Kept together so the options of every command read alike.
import { PROGRAM } from './args';

export const API_OPTIONS_HELP = `Talking to the Polytomic API:
  --profile NAME          a profile of the profiles file (default: its first profile, else https://app.polytomic.com)
  --profiles-file FILE    profiles file, {"profiles": [{name, baseUrl, keyKind, organizationId, apiVersion}]}
                          (default: ./polytomic.profiles.json when present; it may hold no key)
  --api-key-file FILE     read the API key from FILE (default: the POLYTOMIC_API_KEY environment variable)
  --base-url URL          the API address (or POLYTOMIC_BASE_URL); overrides the profile's. The key is sent only
                          to an address you name here or to https://app.polytomic.com: a profile that points
                          elsewhere is refused until you repeat its URL with --base-url or POLYTOMIC_BASE_URL.
  --api-version VERSION   2025-09-18, 2024-02-08 or 2023-04-25 (or POLYTOMIC_API_VERSION)
  --verbose               log each request (method, path, status, duration) to stderr; never a key or a secret`;

export const MAIN_HELP = `Usage: ${PROGRAM} <command> [options]

Manage Polytomic connections as *.polytomic.json files, from a terminal or CI.

Commands:
  validate [paths...]     check connection files against the connection type catalog

Run "${PROGRAM} <command> --help" for a command's options.
  --help, -h              this help
  --version               the version

Exit codes: 0 success, 1 problems found (or a failure), 2 usage or environment error.
`;

export const VALIDATE_HELP = `Usage: ${PROGRAM} validate [paths...] [options]

Checks connection files with the language server's own checks, so a file gets the same verdict as in the
editor's Problems panel. Each path is a file or a folder searched for *.polytomic.json (node_modules and
.git skipped); default: the current folder.

Catalog (where the connection types' schemas come from; the bundled catalog always comes last):
  --catalog DIR           a catalog folder in the API's layout (index.json + <type>.json); may repeat,
                          the earliest folder wins per type
  --online                fetch the profile's live catalog (cached in $XDG_CACHE_HOME/polytomic-connections,
                          else ~/.cache/polytomic-connections) and check against it first
  --catalog-max-age HOURS reuse a cached live type list or schema younger than this (default 24; 0 fetches again)

Output:
  --format FORMAT         human (default): path:line:col: severity: message [code], then a summary line
                          json: [{file, line, column, endLine, endColumn, severity, code, message}] (1-based)
                          github: ::error/::warning/::notice workflow commands, annotations on a pull request

${API_OPTIONS_HELP}

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or environment error.
`;
