// Checks a new API key with one authenticated call (the connection list) before the profile is saved, so that a key
// Polytomic refuses is said at once, where it was typed, instead of later as a cut-off row in the tree.
import * as vscode from 'vscode';
import type { ApiProfile } from '../../../core/src/api/profile';
import { isPolytomicApiError } from '../../../core/src/api/errors';
import { withCancellableProgress } from '../progress';
import type { PolytomicOutput } from '../output';

export type KeyCheck = { ok: true } | { ok: false; refused: boolean; message: string };

export async function checkApiKey(profile: ApiProfile, apiKey: string, output: PolytomicOutput): Promise<KeyCheck> {
  output.addSecrets([apiKey], profile.organizationId);
  const { PolytomicClient } = await import('../../../core/src/api/client.js');
  const proxyUrl = vscode.workspace.getConfiguration('http').get<string>('proxy') || undefined;
  const client = new PolytomicClient({ profile, apiKey, proxyUrl, log: output.requestLogger, connectTimeoutMs: 5_000 });
  try {
    await withCancellableProgress(`Checking the API key of "${profile.name}"`, (signal) => client.listConnections(signal));
    return { ok: true };
  } catch (error) {
    const message = output.scrub(error instanceof Error ? error.message : String(error));
    const refused = isPolytomicApiError(error) && (error.kind === 'unauthorized' || error.kind === 'forbidden');
    return { ok: false, refused, message };
  } finally {
    await client.close().catch(() => undefined);
  }
}
