// One apply (or pull) at a time per state folder: each keeps create-keys.json and fingerprints.json in memory and
// rewrites them whole, so two at once would lose each other's keys and create the same files twice.
// The lock is .polytomic/apply.lock, made whole in one step (a temporary file linked to the name, which fails when the
// name exists), holding the pid, the host and the command. A lock whose process is gone (a crash, a kill), or of
// another host (a folder restored from a CI cache: the state is this machine's), is taken over.
import { randomBytes } from 'node:crypto';
import { linkSync, promises as fs, readFileSync, unlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliError, describeError, EXIT_USAGE } from './cliError';
import { ensureStateDir } from './stateFiles';

export const LOCK_FILE = 'apply.lock';

interface LockContent {
  pid: number;
  host: string;
  command: string;
  token: string;
}

export interface StateLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parse(text: string): LockContent | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockContent>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? (value as LockContent) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder may still be running here: same host, its pid alive and not ours (a pid reused in a container). */
function mayBeHeld(lock: LockContent | undefined): lock is LockContent {
  return lock !== undefined && lock.host === os.hostname() && lock.pid !== process.pid && isRunning(lock.pid);
}

/** Takes the lock or throws a CliError (exit 2) naming the process that holds it. */
export async function lockState(dir: string, command: string): Promise<StateLock> {
  await ensureStateDir(dir).catch((error: unknown) => {
    throw new CliError(`Cannot make the state folder ${dir} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}). Check its permissions, or choose another with --state-dir.`);
  });
  const file = path.join(dir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, host: os.hostname(), command, token: randomBytes(8).toString('hex') };
  const text = JSON.stringify(content) + '\n';
  const tmp = `${file}.${process.pid}.${content.token}.tmp`;
  await fs.writeFile(tmp, text, 'utf8');
  try {
    // Twice at most: the second time after a stale lock was removed.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(tmp, file);
        return held(file, text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const found = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (found === undefined) continue; // released meanwhile
      const lock = parse(found);
      if (mayBeHeld(lock)) {
        throw new CliError(
          `another ${lock.command} is running with this state folder (pid ${lock.pid}): wait for it to end. If no such process runs, remove ${file}.`,
          EXIT_USAGE,
        );
      }
      // Stale: removed only if it is still the one read (another process may have taken it over meanwhile).
      if ((await fs.readFile(file, 'utf8').catch(() => undefined)) === found) await fs.unlink(file).catch(() => undefined);
    }
    throw new CliError(`Could not take the lock ${file}: another process keeps taking it. Run again when no apply or pull runs.`, EXIT_USAGE);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot make the lock ${file} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}). Check the permissions of the state folder, or choose another with --state-dir.`);
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

function held(file: string, text: string): StateLock {
  let released = false;
  // Also on process.exit (a third Ctrl-C): the lock goes with the process that holds it.
  const releaseSync = () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(file, 'utf8') === text) unlinkSync(file);
    } catch {
      // gone already
    }
  };
  process.once('exit', releaseSync);
  return {
    release: async () => {
      process.off('exit', releaseSync);
      releaseSync();
    },
  };
}
