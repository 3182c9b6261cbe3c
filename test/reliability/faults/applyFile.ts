// Applies one connection file the way the extension's Create does, without the editor: read and check the file,
// resolve its placeholders, create the connection with the caller's idempotency key (one key per logical create, so a
// create retried after an unknown outcome can never make a second connection), then write the returned id into the
// file with a minimal edit. A file is only ever written after a successful create.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { applyEdits, envelopeProblems, fileConnectionId, parseConnectionText, setIdEdits, type ValidConnectionFile } from '../../../core/src/connectionFile';
import { describeMissing, resolvePlaceholders } from '../../../core/src/placeholders';
import type { PolytomicClient } from '../../../core/src/api/client';

export type ApplyOutcome =
  | { kind: 'created'; id: string }
  | { kind: 'already created'; id: string }
  | { kind: 'failed'; reason: string; retryable: boolean; /** whether a create request was sent */ sent: boolean };

export interface ApplyContext {
  client: PolytomicClient;
  env: Record<string, string | undefined>;
  /** Called with every value resolved from a placeholder, before anything is sent (the leak checks use it). */
  onSecrets?: (values: string[]) => void;
}

/** Kinds of failure after which the create's outcome is unknown or transient: the same key may be sent again. */
const RETRYABLE_KINDS = new Set(['timeout', 'network', 'server', 'rate_limited', 'conflict']);

export async function applyFile(path: string, idempotencyKey: string, context: ApplyContext): Promise<ApplyOutcome> {
  const text = readFileSync(path, 'utf8');
  const parsed = parseConnectionText(text);
  const problems = [...parsed.syntaxErrors.map((e) => `line ${e.line}: ${e.message}`), ...envelopeProblems(parsed.value)];
  if (problems.length > 0) return { kind: 'failed', reason: `the file has errors: ${problems.join('; ')}`, retryable: false, sent: false };
  const file = parsed.value as ValidConnectionFile;
  const existing = fileConnectionId(file);
  if (existing) return { kind: 'already created', id: existing };

  const resolved = await resolvePlaceholders(file.configuration, { env: (name) => context.env[name], secret: async () => undefined });
  context.onSecrets?.(resolved.resolvedValues);
  if (resolved.missing.length > 0) return { kind: 'failed', reason: describeMissing(resolved.missing), retryable: false, sent: false };

  let id: string;
  try {
    const created = await context.client.createConnection(
      { name: file.name, type: file.type, configuration: resolved.value, validate: typeof file.validate === 'boolean' ? file.validate : true },
      { idempotencyKey },
    );
    id = created.id;
  } catch (error) {
    const kind = (error as { kind?: string }).kind ?? '';
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error), retryable: RETRYABLE_KINDS.has(kind), sent: true };
  }
  writeAtomically(path, applyEdits(text, setIdEdits(text, id)));
  return { kind: 'created', id };
}

/** A crash halfway through a write must leave the old file or the new one, never half of each. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}
