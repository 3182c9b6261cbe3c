// Turns a connection file into what the API receives. One rule for every command that sends a file: save first, then
// send what was saved (so the live connection and the file on disk never disagree). A file with errors is refused
// (and says which). `${env:...}`/`${secret:...}` are resolved only at send time, after the user agreed to the names
// being read (sendConsent.ts); a missing one is asked for (Apply) or named with a way to set it (the other commands).
// Resolved values are registered with the log's scrubber before anything is sent.
import * as vscode from 'vscode';
import { duplicateTopLevelKeys, envelopeProblems, parseConnectionText, ValidConnectionFile } from '../../../core/src/connectionFile';
import { describeMissing, findPlaceholders, placeholder, PlaceholderUse, resolvePlaceholders } from '../../../core/src/placeholders';
import { secretFieldValues } from '../../../core/src/secretFingerprints';
import { schemaSensitiveKeys, secretRule } from '../../../core/src/sensitiveFields';
import { ensureSendConsent } from '../secrets/sendConsent';
import type { Services } from '../services';
import { UserError } from '../userError';
import type { FileTarget } from './target';

export interface SavedConnection {
  file: ValidConnectionFile;
  /** The text as saved on disk. */
  text: string;
}

export interface PreparedConnection {
  file: ValidConnectionFile;
  /** The configuration with placeholders resolved: send it, never log or show it. */
  configuration: Record<string, unknown>;
  validate: boolean;
  /** The resolved values of the secret fields, by path: for the fingerprints of what was sent, never shown. */
  secretValues: Record<string, string>;
}

const MAX_LISTED = 5;

/** Saves the file when it has unsaved changes, then reads and checks what was saved. */
export async function readSavedConnection(services: Services, target: FileTarget): Promise<SavedConnection> {
  const { document } = target;
  if (document.isDirty && !(await document.save()) && document.isDirty) {
    throw new UserError(`${target.label} could not be saved, so nothing was sent: save it, then run the command again.`, [], 'warning');
  }
  const text = document.getText();
  const parsed = parseConnectionText(text);
  const problems: string[] = parsed.syntaxErrors.map((e) => `line ${e.line}: ${e.message}`);
  for (const d of vscode.languages.getDiagnostics(document.uri)) {
    if (d.severity === vscode.DiagnosticSeverity.Error) problems.push(`line ${d.range.start.line + 1}: ${d.message}`);
  }
  if (problems.length === 0) problems.push(...envelopeProblems(parsed.value, duplicateTopLevelKeys(text)));
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED).join('; ');
    const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : '';
    throw new UserError(
      `${target.label} has ${problems.length === 1 ? 'an error' : `${problems.length} errors`}: ${listed}${more}. Fix ${problems.length === 1 ? 'it' : 'them'} first.`,
      [{ title: 'Show Problems', command: 'workbench.actions.view.problems' }],
    );
  }
  return { file: parsed.value as ValidConnectionFile, text };
}

/**
 * Resolves the saved file's placeholders for sending. `ask`: a missing value is asked for (and stored: a secret in
 * SecretStorage, an environment variable for this session only); otherwise the error names it and offers the same.
 */
export async function resolveForSend(services: Services, target: FileTarget, saved: SavedConnection, ask = false): Promise<PreparedConnection> {
  const { file } = saved;
  const { profile } = await services.sessions.current();
  const uses = findPlaceholders(file.configuration);
  await ensureSendConsent(services.context.workspaceState, services.prompts, target.label, uses, { profileName: profile.name, baseUrl: profile.baseUrl });
  let resolved = await resolvePlaceholders(file.configuration, services.secrets.sources());
  if (resolved.missing.length > 0 && ask) {
    for (const missing of uniqueByName(resolved.missing)) {
      if (!(await askForValue(services, missing))) break;
    }
    resolved = await resolvePlaceholders(file.configuration, services.secrets.sources());
  }
  services.output.addSecrets(resolved.resolvedValues);
  if (resolved.missing.length > 0) {
    const firstSecret = resolved.missing.find((m) => m.kind === 'secret');
    const firstEnv = resolved.missing.find((m) => m.kind === 'env');
    throw new UserError(`${target.label}: ${describeMissing(resolved.missing)}`, [
      ...(firstSecret ? [{ title: 'Set Secret', command: 'polytomic.setSecret', args: [firstSecret.name] }] : []),
      ...(firstEnv ? [{ title: 'Use for This Session', command: 'polytomic.useForSession', args: [firstEnv.name] }] : []),
    ]);
  }
  const isSecret = secretRule(schemaSensitiveKeys(await services.catalog.schemaFor(file.type)));
  const secretValues: Record<string, string> = {};
  for (const [path, value] of Object.entries(secretFieldValues(file.configuration, resolved.value, isSecret))) {
    if (value !== undefined) secretValues[path] = value;
  }
  const validateSetting = vscode.workspace.getConfiguration('polytomic').get<boolean>('validateOnSend', true);
  return {
    file,
    configuration: resolved.value,
    validate: typeof file.validate === 'boolean' ? file.validate : validateSetting,
    secretValues,
  };
}

/** Saves, checks and resolves: what Create, Update and Test send. */
export async function prepareConnection(services: Services, target: FileTarget, ask = false): Promise<PreparedConnection> {
  return resolveForSend(services, target, await readSavedConnection(services, target), ask);
}

function uniqueByName(missing: PlaceholderUse[]): PlaceholderUse[] {
  const seen = new Map<string, PlaceholderUse>();
  for (const m of missing) if (!seen.has(`${m.kind}:${m.name}`)) seen.set(`${m.kind}:${m.name}`, m);
  return [...seen.values()];
}

/** Asks for one missing value; false when the user cancelled. The value is never echoed. */
export async function askForValue(services: Services, missing: Pick<PlaceholderUse, 'kind' | 'name' | 'path'>): Promise<boolean> {
  const written = placeholder(missing.kind, missing.name);
  const value = await services.prompts.current.input({
    title: `Value of ${written}`,
    prompt:
      missing.kind === 'secret'
        ? `For ${missing.path}. Kept in VS Code's secret storage for this workspace (Set Secret).`
        : `For ${missing.path}. ${missing.name} is not set in the environment: the value is used for this VS Code session only.`,
    password: true,
  });
  if (value === undefined) return false;
  if (missing.kind === 'secret') await services.secrets.storeSecret(missing.name, value);
  else services.secrets.useForSession(missing.name, value);
  services.output.addSecrets([value]);
  return true;
}

/** One shape of the body for every command that sends a file (the workspace apply uses it too). */
export { optionalFields } from '../../../core/src/workspace/requestBody';
