// Every line a command prints passes a scrubber that knows the API key and every placeholder value resolved so far:
// a server message that echoes a secret (an upstream error quoting a password) is printed with it redacted. And no
// line of it is a GitHub workflow command (noWorkflowCommands): these commands never mean to print one.
import { SecretScrubber } from '../../core/src/api/redaction';
import { noWorkflowCommands } from './inertLine';
import type { Output } from './output';

export interface ScrubbingOutput extends Output {
  addSecrets(values: Iterable<string>): void;
}

export function scrubbingOutput(out: Output, secrets: Iterable<string> = []): ScrubbingOutput {
  const scrubber = new SecretScrubber();
  const addSecrets = (values: Iterable<string>) => {
    for (const value of values) scrubber.add([value, Buffer.from(value, 'utf8').toString('base64')]);
  };
  addSecrets(secrets);
  return {
    stdout: (text) => out.stdout(noWorkflowCommands(scrubber.scrub(text))),
    stderr: (text) => out.stderr(noWorkflowCommands(scrubber.scrub(text))),
    get stdoutIsTty() {
      return out.stdoutIsTty;
    },
    get stdinIsTty() {
      return out.stdinIsTty;
    },
    ask: (question) => out.ask(scrubber.scrub(question)),
    addSecrets,
  };
}
