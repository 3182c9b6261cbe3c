// polytomic-connections: the command-line driver of the engine. Parses the command, runs it, maps the outcome
// to an exit code (0 success, 1 problems or failure, 2 usage or environment) and a one-line message on stderr.
import { PROGRAM } from './args';
import { CliError, describeError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './cliError';
import { runApply } from './commands/apply';
import { runImport } from './commands/import';
import { planUsageExit, runPlan } from './commands/plan';
import { runPull } from './commands/pull';
import { runValidate } from './commands/validate';
import type { Environment } from './apiSession';
import { MAIN_HELP } from './help';
import { inertLine } from './inertLine';
import type { Output } from './output';
import { CLI_VERSION } from './version';

type Command = (argv: string[], environment: Environment, out: Output) => Promise<number>;

/** crashCode: the exit of an unexpected failure; usageExit: of a usage error (2 unless the command says). */
const COMMANDS: Record<string, { run: Command; crashCode: number; usageExit?: (argv: string[]) => number }> = {
  validate: { run: runValidate, crashCode: EXIT_USAGE },
  plan: { run: runPlan, crashCode: EXIT_PROBLEMS, usageExit: planUsageExit },
  apply: { run: runApply, crashCode: EXIT_PROBLEMS },
  import: { run: runImport, crashCode: EXIT_PROBLEMS },
  pull: { run: runPull, crashCode: EXIT_PROBLEMS },
};

export async function main(argv: string[], environment: Environment, out: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    out.stderr(MAIN_HELP);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    out.stdout(MAIN_HELP);
    return EXIT_OK;
  }
  if (name === '--version') {
    out.stdout(`${CLI_VERSION}\n`);
    return EXIT_OK;
  }
  if (name === 'help') return main([rest[0], '--help'], environment, out);
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    out.stderr(`${PROGRAM}: unknown command "${inertLine(name)}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "${PROGRAM} --help".\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, environment, out);
  } catch (error) {
    // A message can quote a file's path, a connection's name or a server's words: one inert line.
    if (error instanceof CliError) {
      out.stderr(`${PROGRAM} ${name}: ${inertLine(error.message)}\n`);
      return error.exitCode === EXIT_USAGE && command.usageExit ? command.usageExit(rest) : error.exitCode;
    }
    out.stderr(`${PROGRAM} ${name}: unexpected failure: ${inertLine(describeError(error))}\n`);
    return command.crashCode;
  }
}
