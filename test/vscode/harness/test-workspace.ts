// The world every in-editor run starts from: the emulator with demo data, a temporary copy of the fixture workspace,
// and a quiet user profile whose Polytomic profile points at the emulator.
import { cpSync } from 'node:fs';
import { RunningEmulator, startEmulator } from './emulator';
import { fixtureWorkspace } from './repo';
import { RunScope } from './scope';
import { SessionDirs } from './session-dirs';
import { writeUserSettings, writeWorkspaceSettings } from './settings';

export async function prepareTestWorkspace(scope: RunScope, dirs: SessionDirs): Promise<RunningEmulator> {
  scope.step('starting the emulator');
  const emulator = await startEmulator(scope);
  scope.step('preparing the workspace and user settings');
  cpSync(fixtureWorkspace, dirs.workspace, { recursive: true });
  writeWorkspaceSettings(dirs.workspace);
  writeUserSettings(dirs.userData, emulator.url);
  return emulator;
}
