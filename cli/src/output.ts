// Where a command writes and asks: stdout for results, stderr for messages and logs, a question on the terminal
// (a seam, so commands never touch process directly).
import { createInterface } from 'node:readline';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (progress lines are rewritten in place only then). */
  readonly stdoutIsTty: boolean;
  /** Whether stdin is a terminal (apply asks only then). */
  readonly stdinIsTty: boolean;
  /** Asks on the terminal; undefined when the input ends first. */
  ask(question: string): Promise<string | undefined>;
}

/** One line read from `input` after writing `question`; undefined at the end of the input (Ctrl-D). */
export function askLine(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) resolve(undefined);
    });
    output.write(question);
  });
}

export const processOutput: Output = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdoutIsTty: process.stdout.isTTY === true,
  stdinIsTty: process.stdin.isTTY === true,
  ask: (question) => askLine(question, process.stdin, process.stdout),
};
