// Create keys kept in a JSON file (the command-line tool's `.polytomic/create-keys.json`), so running apply again
// after a crash or a lost answer replays the same create instead of making a second connection. Each write lands
// (write then rename) before the create it is for is sent; writes take turns.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { KeyMemento } from '../createKeys';
import { writeFileAtomic } from './nodeFiles';

export class JsonFileMemento implements KeyMemento {
  private values: Record<string, unknown> = {};
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  /**
   * Reads the file (a missing or unreadable one starts empty: keys are only an aid against duplicates). `onUnreadable`
   * hears of a file that is there but cannot be used (unreadable, not JSON, not an object): what it held is lost.
   */
  static async open(file: string, options: { onUnreadable?(error: unknown): void } = {}): Promise<JsonFileMemento> {
    const memento = new JsonFileMemento(file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (error) {
      // None yet is no loss.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onUnreadable?.(error);
      return memento;
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) memento.values = parsed as Record<string, unknown>;
    else options.onUnreadable?.(new Error('it does not hold a JSON object'));
    return memento;
  }

  get<T>(key: string): T | undefined {
    return Object.prototype.hasOwnProperty.call(this.values, key) ? (this.values[key] as T) : undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.values[key];
    else this.values[key] = value;
    const snapshot = JSON.stringify(this.values, null, 1) + '\n';
    const write = async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, snapshot);
    };
    this.writes = this.writes.then(write, write);
    return this.writes;
  }
}
