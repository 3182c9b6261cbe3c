// --verbose: the API client's request log on stderr, one line per attempt, as the extension's Output channel shows
// it. The client scrubs every line of the key and the secrets it sent; a path or a server's words are printed inert.
import type { RequestLogger } from '../../core/src/api/requestLog';
import { inertLine } from './inertLine';

export function stderrRequestLogger(write: (text: string) => void = (t) => process.stderr.write(t)): RequestLogger {
  const line = (level: string) => (text: string) => write(`[${level}] ${inertLine(text)}\n`);
  return { info: line('info'), warn: line('warning'), error: line('error') };
}
