// A stand-in for the `vscode` module, so client code that only logs and notifies through it runs under node:test.
// Importing this file installs it; import it before any client module that imports 'vscode'.
import Module from 'node:module';

export const loggedLines: string[] = [];
export const executedCommands: string[] = [];

const fakeChannel = {
  info: (line: string) => loggedLines.push(line),
  warn: (line: string) => loggedLines.push(line),
  error: (line: string) => loggedLines.push(line),
  show: () => undefined,
  dispose: () => undefined,
};

const fakeVscode = {
  window: { createOutputChannel: () => fakeChannel },
  commands: {
    executeCommand: async (command: string) => {
      executedCommands.push(command);
      return undefined;
    },
  },
};

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const originalLoad = loader._load;
loader._load = function load(this: unknown, request, parent, isMain) {
  return request === 'vscode' ? fakeVscode : originalLoad.call(this, request, parent, isMain);
};
