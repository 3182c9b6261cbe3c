// The emulator in a child process (emulatorProcessMain.ts), driven through its /__emulator/ controls: reset (with a
// seed), faults (the latency of a remote API), and how many connections it holds.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FaultSpec } from '../../emulator/src/index';

export class EmulatorProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(apiKey: string): Promise<EmulatorProcess> {
    const child = spawn(process.execPath, [join(__dirname, 'emulatorProcessMain.js'), apiKey], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const line = seen.split('\n')[0];
        if (seen.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before listening: ${stderr.trim()}`)));
    });
    return new EmulatorProcess(child, url);
  }

  private async admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const answer = await fetch(`${this.url}/__emulator/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${method} /__emulator/${path} answered ${answer.status}: ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as { data?: unknown }).data;
  }

  /** Empties the organisation (or seeds it) and clears the faults. */
  async reset(seed?: string): Promise<void> {
    await this.admin('POST', 'reset', seed ? { seed } : {});
  }

  async setFaults(spec: FaultSpec): Promise<void> {
    await this.admin('POST', 'faults', spec);
  }

  async connectionCount(): Promise<number> {
    const state = (await this.admin('GET', 'state')) as { counts: { connections: number } };
    return state.counts.connections;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }
}
