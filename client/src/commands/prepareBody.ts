// Turns a connection file into what the API receives: refused while the file has errors (and says which), with
// `${env:...}`/`${secret:...}` resolved at send time (a missing one is an error naming it). Resolved values are
// registered with the log's scrubber before anything is sent.
import * as vscode from 'vscode';
import { duplicateTopLevelKeys, envelopeProblems, parseConnectionText, ValidConnectionFile } from '../../../core/src/connectionFile';
import { describeMissing, placeholderSecretName, resolvePlaceholders } from '../../../core/src/placeholders';
import type { Services } from '../services';
import { UserError } from '../userError';
import type { FileTarget } from './target';

export interface PreparedConnection {
  file: ValidConnectionFile;
  /** The configuration with placeholders resolved: send it, never log or show it. */
  configuration: Record<string, unknown>;
  validate: boolean;
}

const MAX_LISTED = 5;

export async function prepareConnection(services: Services, target: FileTarget): Promise<PreparedConnection> {
  const text = target.document.getText();
  const parsed = parseConnectionText(text);
  const problems: string[] = parsed.syntaxErrors.map((e) => `line ${e.line}: ${e.message}`);
  for (const d of vscode.languages.getDiagnostics(target.document.uri)) {
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
  const file = parsed.value as ValidConnectionFile;
  const resolved = await resolvePlaceholders(file.configuration, {
    env: (name) => process.env[name],
    secret: async (name) => services.context.secrets.get(placeholderSecretName(name)),
  });
  services.output.addSecrets(resolved.resolvedValues);
  if (resolved.missing.length > 0) {
    const firstSecret = resolved.missing.find((m) => m.kind === 'secret');
    throw new UserError(
      `${target.label}: ${describeMissing(resolved.missing)}`,
      firstSecret ? [{ title: 'Set Secret', command: 'polytomic.setSecret', args: [firstSecret.name] }] : [],
    );
  }
  const validateSetting = vscode.workspace.getConfiguration('polytomic').get<boolean>('validateOnSend', true);
  return {
    file,
    configuration: resolved.value,
    validate: typeof file.validate === 'boolean' ? file.validate : validateSetting,
  };
}

/** The optional envelope fields the file sets, as the API names them. */
export function optionalFields(file: ValidConnectionFile): { organization_id?: string; policies?: string[]; healthcheck_interval?: string } {
  const out: { organization_id?: string; policies?: string[]; healthcheck_interval?: string } = {};
  if (typeof file.organization_id === 'string') out.organization_id = file.organization_id;
  if (Array.isArray(file.policies)) out.policies = file.policies.filter((p): p is string => typeof p === 'string');
  if (typeof file.healthcheck_interval === 'string') out.healthcheck_interval = file.healthcheck_interval;
  return out;
}
