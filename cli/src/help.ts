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
  plan [paths...]         compare the files with the profile's connections: what apply would do
  apply [paths...]        create and update connections from the files, ids written back
  import --into DIR       write a file for every connection no file holds yet
  pull ID                 write one connection into a file (or update its file)

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

const CATALOG_HELP = `Catalog (the files are checked against the profile's live catalog, then these, then the bundled one):
  --catalog DIR           a catalog folder in the API's layout (index.json + <type>.json); may repeat
  --catalog-max-age HOURS reuse a cached live type list or schema younger than this (default 24; 0 fetches again)`;

const SECRETS_HELP = `Placeholders (read when a file is compared or sent, never printed):
  \${env:NAME}             the environment variable NAME; never one of the tool's or the CI runner's
                          (POLYTOMIC_*, GITHUB_*, RUNNER_*, ACTIONS_*) nor one --secret-env names
  \${secret:NAME}          the environment variable POLYTOMIC_SECRET_<NAME>, or the one --secret-env names
  --secret-env NAME=VAR   read \${secret:NAME} from the environment variable VAR (may repeat)
  --allow-env NAME        read only these variables for \${env:} (may repeat; recommended in CI)
  --state-dir DIR         where create keys and secret fingerprints are kept (default: .polytomic at the root of
                          the git repository the working folder is in, else in the working folder)`;

export const PLAN_HELP = `Usage: ${PROGRAM} plan [paths...] [options]

Compares every connection file (each path a file or a folder searched for *.polytomic.json; default: the current
folder) with the profile's connections, and prints what apply would do: create, update, unchanged, blocked (the
file has errors), duplicate (two files hold one id), stale (the id is not a live connection), unmanaged (a live
connection no file holds). Secrets are compared through fingerprints of what was last sent from here; no value is
ever printed.

  --format FORMAT         human (default) or json
  --detailed-exitcode     exit 0 with no changes, 2 with changes, 1 on errors
  --list-unmanaged        a line for each live connection no file holds (default: their count; json lists them)

${CATALOG_HELP}

${SECRETS_HELP}

${API_OPTIONS_HELP}

Exit codes: 0 a plan without blocked, duplicate or stale files; 1 such files or a failure; 2 usage error
(with --detailed-exitcode: 0 no changes, 2 changes, 1 such files, a failure or a usage error).
`;

export const APPLY_HELP = `Usage: ${PROGRAM} apply [paths...] [options]

Prints the plan, asks, then sends its creates and updates. Each created connection's id is written into its file
(comments and formatting kept). A create's Idempotency-Key is kept in .polytomic/create-keys.json until the id is
in the file, so running apply again after a crash or a lost answer replays it instead of creating a second
connection. One apply (or pull) at a time per state folder: another one exits 2 naming its pid. A failed item stops nothing else. Ctrl-C once: no further item starts, the ones being sent finish;
twice: those are cancelled too (their create keys kept, so apply again replays them).

  --yes, -y               apply without asking (required when stdin is not a terminal, as in CI)
  --concurrency N         how many requests at once (default 4, at most 32)
  --no-validate           do not ask Polytomic to test each connection's upstream (a file's "validate" wins)
  --allow-duplicate-name  create a file even when a connection of its name and type is in no file (by default
                          such a file is skipped: most likely its id never reached it; pull that connection into it)

${CATALOG_HELP}

${SECRETS_HELP}

${API_OPTIONS_HELP}

Exit codes: 0 everything applied; 1 an item failed or was skipped, a file is blocked, duplicate or stale, or the
answer was not "yes"; 2 usage error (including no --yes without a terminal).
`;

export const IMPORT_HELP = `Usage: ${PROGRAM} import --into DIR [options]

Writes a file for every live connection that no file holds (under the current folder or DIR):
DIR/<type>/<name>.polytomic.json, secrets
as placeholders, an existing file never overwritten. OAuth connections and shared copies are skipped with the
reason. Importing again writes nothing new.

  --into DIR              the folder the files go into (made when missing)
  --placeholder KIND      env (default): secrets become \${env:NAME}; secret: \${secret:NAME}

${CATALOG_HELP}

${API_OPTIONS_HELP}

Exit codes: 0 done (skipped connections are listed); 1 a failure; 2 usage error.
`;

export const PULL_HELP = `Usage: ${PROGRAM} pull ID [--into DIR | --file FILE] [options]

Writes one live connection into a file: the file under the current folder (or DIR) that holds its id already,
updated in place (comments and placeholders kept); else a new ./<name>.polytomic.json, or <name>-<id8>.polytomic.json
when that name is taken (--into DIR: in DIR). A file that holds another connection, or none yet, is never
touched unless --file names it. ID: letters, digits, - and _.

  --into DIR              write the new file into DIR
  --file FILE             write into FILE, merging into it when it holds no id or this one
  --placeholder KIND      env (default): secrets become \${env:NAME}; secret: \${secret:NAME}
  --state-dir DIR         where secret fingerprints are kept (default: .polytomic at the git repository's root,
                          else in the working folder); pull forgets the fingerprints of the connection's
                          secrets, which are then "not known" until an apply sends them

${CATALOG_HELP}

${API_OPTIONS_HELP}

Exit codes: 0 written; 1 no such connection, a file of another connection, or a failure; 2 usage error (also
an apply or pull running with the same state folder).
`;
