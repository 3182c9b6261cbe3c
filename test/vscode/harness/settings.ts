// The settings a test run starts from: a quiet, deterministic user profile whose Polytomic profile points at the
// emulator. The profile is a user setting, as a real user's is: the extension sends a key unasked only to a base URL
// the user settings chose (a profile that only a workspace defines needs the user's "Allow" first).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';

/** User settings: nothing that phones home, nothing that edits files on its own, no trust prompt; the emulator profile. */
export function writeUserSettings(userDataDir: string, emulatorUrl: string, workspaceTrust = false): void {
  const settings = {
    // The key itself comes from POLYTOMIC_API_KEY, never a file.
    'polytomic.profiles': [{ name: 'emulator', baseUrl: emulatorUrl, keyKind: 'user', apiVersion: '2025-09-18' }],
    'polytomic.defaultProfile': 'emulator',
    'files.autoSave': 'off', // the web workbench defaults to afterDelay: a test's edits would land on disk
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': workspaceTrust,
    // With trust on, an untrusted folder opens in Restricted Mode without the startup dialog.
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'remote.autoForwardPorts': false, // the emulator's port is not something to offer the user
  };
  writeJson(path.join(userDataDir, 'User', 'settings.json'), settings);
}

/** The workspace's own settings: no profile (the tests that need one add it), autosave off. */
export function writeWorkspaceSettings(workspace: string): void {
  const file = path.join(workspace, '.vscode', 'settings.json');
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeJson(file, { ...existing, 'files.autoSave': 'off' });
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
