// The "Polytomic" log channel. Everything the extension and its API client log goes through one scrubber that knows
// every API key and resolved secret handled so far, so a secret never reaches the log even if a message echoes it.
import * as vscode from 'vscode';
import { SecretScrubber } from '../../core/src/api/redaction';
import type { RequestLogger } from '../../core/src/api/requestLog';

export class PolytomicOutput implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly scrubber = new SecretScrubber();

  constructor() {
    this.channel = vscode.window.createOutputChannel('Polytomic', { log: true });
  }

  /** Registers secrets to scrub, with the encodings an Authorization header would carry them in. */
  addSecrets(secrets: Iterable<string>, organizationId?: string): void {
    for (const secret of secrets) {
      if (!secret || secret.length < 4) continue;
      const forms = [secret, base64(secret)];
      if (organizationId) forms.push(base64(`${organizationId}:${secret}`));
      this.scrubber.add(forms);
    }
  }

  scrub(text: string): string {
    return this.scrubber.scrub(text);
  }

  info(line: string): void {
    this.channel.info(this.scrub(line));
  }

  warn(line: string): void {
    this.channel.warn(this.scrub(line));
  }

  error(line: string): void {
    this.channel.error(this.scrub(line));
  }

  /** The adapter handed to the API client as its request log. */
  get requestLogger(): RequestLogger {
    return { info: (l) => this.info(l), warn: (l) => this.warn(l), error: (l) => this.error(l) };
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
