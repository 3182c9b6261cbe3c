// Lifetime of one harness run: logs its steps, owns every resource it starts, and always releases them,
// whether the run passes, fails, times out or is interrupted with Ctrl+C.

export type Cleanup = () => void | Promise<void>;

export class RunScope {
  private readonly cleanups: Cleanup[] = [];
  private readonly started = Date.now();
  private currentStep = 'starting';
  private disposed = false;

  constructor(private readonly name: string) {}

  step(message: string): void {
    this.currentStep = message;
    console.log(`[${this.name}] ${this.elapsed()} ${message}`);
  }

  log(message: string): void {
    console.log(`[${this.name}] ${message}`);
  }

  /** Registers a release action; they run in reverse order of registration. */
  own(cleanup: Cleanup): void {
    this.cleanups.push(cleanup);
  }

  /** The step in progress, for timeout and failure messages. */
  get where(): string {
    return this.currentStep;
  }

  elapsed(): string {
    return `${((Date.now() - this.started) / 1000).toFixed(1)}s`;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`[${this.name}] cleanup failed: ${(error as Error).message}`);
      }
    }
  }
}

/**
 * Runs `body` inside a scope with an overall deadline, then exits the process with its exit code.
 * 124 = timed out, 130 = interrupted, 2 = the harness itself failed.
 */
export function runMain(name: string, timeoutMs: number, body: (scope: RunScope) => Promise<number>): void {
  const scope = new RunScope(name);
  let finishing = false;
  const finish = async (code: number) => {
    if (finishing) return;
    finishing = true;
    clearTimeout(timer);
    await scope.dispose();
    scope.log(`exit code ${code} after ${scope.elapsed()}`);
    process.exit(code);
  };
  const timer = setTimeout(() => {
    console.error(`[${name}] TIMEOUT: no result after ${timeoutMs / 1000}s; stuck at: ${scope.where}`);
    void finish(124);
  }, timeoutMs);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`[${name}] ${signal}: stopping`);
      void finish(130);
    });
  }
  body(scope).then(
    (code) => finish(code),
    (error: Error) => {
      if (finishing) return; // a timeout or signal is already stopping everything under it
      console.error(`[${name}] FAILED at "${scope.where}": ${error.stack ?? error.message}`);
      return finish(2);
    },
  );
}
