// Polytomic: Open in Polytomic: the connection's page in the Polytomic web app of the active profile.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { UserError } from '../userError';
import { connectionTarget } from './target';

export async function openInBrowser(services: Services, arg?: unknown): Promise<string> {
  const target = await connectionTarget(services, arg);
  const profile = services.profiles.active();
  if (!profile) throw new UserError('No Polytomic profile is set up yet.', [{ title: 'Add Profile', command: 'polytomic.addProfile' }]);
  const url = `${profile.baseUrl.replace(/\/+$/, '')}/connections/${encodeURIComponent(target.id)}`;
  await vscode.env.openExternal(vscode.Uri.parse(url));
  return url;
}
