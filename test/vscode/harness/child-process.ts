// A child process in its own process group, so that stopping it also stops everything it started
// (code-server's extension host and the language server it forks).
import { spawn } from 'node:child_process';
import { childEnv } from './child-env';

export interface ManagedProcess {
  /** Resolves with the match once the output matches; rejects if the process exits first. */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Default: the allow-listed environment (scripts/child-env.cjs). */
  env?: NodeJS.ProcessEnv;
  /** Echo its output live, prefixed with its name (it is always kept for error messages). */
  echo?: boolean;
}

export function startProcess(name: string, command: string, args: string[], options: StartOptions = {}): ManagedProcess {
  const child = spawn(command, args, {
    env: options.env ?? childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group
  });
  let output = ''; // kept for the error message if it exits early
  let exited = false;
  const watchers = new Set<() => void>();
  const onData = (data: Buffer) => {
    const text = data.toString();
    output += text;
    if (options.echo) process.stdout.write(text.replace(/^(?=.)/gm, `[${name}] `));
    for (const watcher of watchers) watcher();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<void>((resolve) => {
    child.on('error', (error) => {
      output += `\n${name} could not start: ${error.message}\n`;
    });
    child.on('close', () => {
      exited = true;
      for (const watcher of watchers) watcher();
      resolve();
    });
  });

  return {
    waitForOutput(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            watchers.delete(check);
            resolve(match);
          } else if (exited) {
            watchers.delete(check);
            reject(new Error(`${name} exited (code ${child.exitCode}) before printing ${pattern}:\n${output.slice(-4000)}`));
          }
        };
        watchers.add(check);
        check();
      });
    },
    async stop() {
      if (exited || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const killTimer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 5000);
      await exit;
      clearTimeout(killTimer);
      signalGroup(child.pid, 'SIGKILL'); // grandchildren that ignored SIGTERM
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}
