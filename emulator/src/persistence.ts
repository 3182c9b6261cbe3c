// --data <file>: the state survives restarts. Written atomically (temp file + rename) after every change; a file
// that cannot be read is never overwritten.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorState, StateSnapshot } from './store';

const FORMAT = 'polytomic-emulator-state';

interface DataFile extends StateSnapshot {
  format: typeof FORMAT;
  version: 1;
}

/** Undefined when the file does not exist yet; throws when it exists but is not an emulator state file. */
export function readStateFile(file: string): StateSnapshot | undefined {
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
  return {
    connections: parsed.connections ?? [],
    bulk_syncs: parsed.bulk_syncs ?? [],
    models: parsed.models ?? [],
    syncs: parsed.syncs ?? [],
  };
}

export function writeStateFile(file: string, state: EmulatorState): void {
  const data: DataFile = { format: FORMAT, version: 1, ...state.snapshot() };
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
  renameSync(temp, file);
}
