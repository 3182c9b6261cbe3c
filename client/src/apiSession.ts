// One API client per active profile and key, created on demand. Asking for a session with no profile or no key is a
// UserError that offers the fix (Add Profile, Enter API Key). Before any key is looked up, SendPermission decides
// whether the profile's address may receive it at all (Restricted Mode, a profile only the workspace defines).
import * as vscode from 'vscode';
import type { PolytomicClient } from '../../core/src/api/client';
import type { ApiProfile } from '../../core/src/api/profile';
import type { PolytomicOutput } from './output';
import type { ProfileStore } from './profiles/profileStore';
import type { AskMode, SendPermission } from './profiles/sendPermission';
import { UserError } from './userError';

export interface ApiSession {
  profile: ApiProfile;
  client: PolytomicClient;
}

export class ApiSessions implements vscode.Disposable {
  private cached: { fingerprint: string; session: ApiSession } | undefined;

  constructor(
    private readonly profiles: ProfileStore,
    private readonly output: PolytomicOutput,
    private readonly userAgent: string,
    readonly permission: SendPermission,
  ) {}

  /**
   * The active profile's session; throws a UserError when there is no profile, no usable key, or its address may not
   * receive the key. A command asks the user with a modal when that is still open; background work passes
   * `background: true` and asks with a notification instead, without waiting.
   */
  async current(options: { background?: boolean } = {}): Promise<ApiSession> {
    const profile = this.profiles.active();
    if (!profile) {
      throw new UserError('No Polytomic profile is set up yet.', [{ title: 'Add Profile', command: 'polytomic.addProfile' }]);
    }
    const mode: AskMode = options.background ? 'background' : 'modal';
    await this.permission.check(profile, mode);
    const lookup = await this.profiles.apiKey(profile);
    if (!lookup.key) {
      throw new UserError(lookup.originMismatch ?? `Profile "${profile.name}" has no API key.`, [
        { title: 'Enter API Key', command: 'polytomic.enterApiKey' },
      ]);
    }
    this.output.addSecrets([lookup.key], profile.organizationId);
    const proxyUrl = vscode.workspace.getConfiguration('http').get<string>('proxy') || undefined;
    // In memory only: a new key or proxy means a new client.
    const fingerprint = JSON.stringify([profile, proxyUrl, lookup.key]);
    if (this.cached?.fingerprint === fingerprint) return this.cached.session;
    await this.reset();
    // Loaded on the first API call: the HTTP stack (undici) is half the bundle and activation needs none of it.
    const { PolytomicClient } = await import('../../core/src/api/client.js');
    const client = new PolytomicClient({
      profile,
      apiKey: lookup.key,
      proxyUrl,
      log: this.output.requestLogger,
      userAgent: this.userAgent,
    });
    const session = { profile, client };
    this.cached = { fingerprint, session };
    return session;
  }

  /** Drops the client (after a profile or key change). */
  async reset(): Promise<void> {
    const old = this.cached;
    this.cached = undefined;
    await old?.session.client.close().catch(() => undefined);
  }

  dispose(): void {
    void this.reset();
  }
}
