// What the figures were measured on: CPU, cores, Node, OS, date, and how busy the machine was.
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the run started and ended: other processes compete for the same cores. */
  loadAverage: { start: number; end?: number };
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    os: `${type()} ${release()}`,
    date: new Date().toISOString(),
    loadAverage: { start: loadavg()[0] },
  };
}

export function currentLoad(): number {
  return loadavg()[0];
}
