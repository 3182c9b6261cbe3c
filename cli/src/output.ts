// Where a command writes: stdout for results, stderr for messages and logs (a seam, so commands never call process).
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (progress lines are rewritten in place only then). */
  readonly stdoutIsTty: boolean;
  readonly stdinIsTty: boolean;
}

export const processOutput: Output = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdoutIsTty: process.stdout.isTTY === true,
  stdinIsTty: process.stdin.isTTY === true,
};
