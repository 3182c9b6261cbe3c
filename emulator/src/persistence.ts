// --data <file>: the state and the recorded idempotency keys survive restarts. Written atomically (temp file +
// rename) after every change; a file that cannot be read is never overwritten.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IdempotencyKeys, RecordedKey } from './idempotency';
import type { EmulatorState, StateSnapshot } from './store';

const FORMAT = 'polytomic-emulator-state';

interface DataFile extends StateSnapshot {
  format: typeof FORMAT;
  version: 1;
  /** Absent in files written before keys were kept. */
  idempotency_keys?: RecordedKey[];
}

export interface PersistedState {
  state: StateSnapshot;
  idempotencyKeys: RecordedKey[];
}

/** Undefined when the file does not exist yet; throws when it exists but is not an emulator state file. */
export function readStateFile(file: string): PersistedState | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return undefined;
  let parsed: Partial<DataFile>;
  try {
    parsed = JSON.parse(text) as Partial<DataFile>;
  } catch (error) {
    throw new Error(`--data file ${file} is not valid JSON (${(error as Error).message}); it was left untouched`);
  }
  if (parsed.format !== FORMAT || parsed.version !== 1) {
    throw new Error(`--data file ${file} is not an emulator state file (format ${FORMAT}, version 1); it was left untouched`);
  }
  const keys = parsed.idempotency_keys ?? [];
  if (!Array.isArray(keys) || !keys.every(isRecordedKey)) {
    throw new Error(`--data file ${file} has an idempotency_keys entry that is not {key, reply: {status}, expires_at}; it was left untouched`);
  }
  return {
    state: {
      connections: parsed.connections ?? [],
      bulk_syncs: parsed.bulk_syncs ?? [],
      models: parsed.models ?? [],
      syncs: parsed.syncs ?? [],
      shared_connections: parsed.shared_connections ?? [],
    },
    idempotencyKeys: keys,
  };
}

export function writeStateFile(file: string, state: EmulatorState, idempotency: IdempotencyKeys): void {
  const data: DataFile = { format: FORMAT, version: 1, ...state.snapshot(), idempotency_keys: idempotency.recorded() };
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
  renameSync(temp, file);
}

function isRecordedKey(value: unknown): value is RecordedKey {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Partial<RecordedKey>;
  return (
    typeof record.key === 'string' &&
    typeof record.expires_at === 'number' &&
    record.reply !== null &&
    typeof record.reply === 'object' &&
    typeof record.reply.status === 'number'
  );
}
