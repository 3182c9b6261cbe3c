// Profiles in the settings, the active one per workspace, and their keys in SecretStorage. Nothing secret is ever
// written to settings or state: only which base URL a stored key was entered for, so that a profile whose URL changed
// (for example by a workspace's settings) never receives a key meant for another host, and the user's answers to
// "may this workspace's profile receive your key" (keyDestination.ts). In Restricted Mode the workspace's
// polytomic.profiles and polytomic.defaultProfile are ignored, as VS Code does for restricted settings.
import * as vscode from 'vscode';
import type { ApiProfile } from '../../../core/src/api/profile';
import {
  chosenByUser,
  SEND_DECISIONS_STATE,
  sendDecisionKey,
  storedKeyUse,
  type SendDecision,
} from '../../../core/src/profiles/keyDestination';
import {
  ACTIVE_PROFILE_STATE,
  API_KEY_ENV,
  apiKeySecretName,
  chooseActiveProfile,
  DEFAULT_PROFILE_SETTING,
  mergeProfileScopes,
  parseProfiles,
  PROFILES_SETTING,
  withoutProfile,
  withProfile,
} from '../../../core/src/profiles/profileSettings';

const KEY_ORIGINS_STATE = 'polytomic.keyOrigins';

export type KeySource = 'secretStorage' | 'environment';

export interface ApiKeyLookup {
  key?: string;
  source?: KeySource;
  /** Set when a stored key exists but was entered for another base URL, or it is not recorded for which. */
  originMismatch?: string;
}

export class ProfileStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the profiles, the active profile or a key changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private reportedProblems = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly warn: (message: string) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`polytomic.${PROFILES_SETTING}`) || e.affectsConfiguration(`polytomic.${DEFAULT_PROFILE_SETTING}`)) {
          this.changed.fire();
        }
      }),
      context.secrets.onDidChange((e) => {
        if (e.key.startsWith('polytomic.apiKey/')) this.changed.fire();
      }),
      // Trusting the workspace brings its profiles in, and lets requests go out.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    );
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('polytomic');
  }

  /** The profiles of every settings scope (see mergeProfileScopes). */
  list(): ApiProfile[] {
    const inspected = this.config.inspect(PROFILES_SETTING);
    const merged = vscode.workspace.isTrusted
      ? mergeProfileScopes(inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue)
      : mergeProfileScopes(inspected?.globalValue);
    const { profiles, problems } = parseProfiles(merged);
    for (const problem of problems) {
      if (this.reportedProblems.has(problem)) continue;
      this.reportedProblems.add(problem);
      this.warn(`Skipped a profile in the settings: ${problem}`);
    }
    return profiles;
  }

  active(): ApiProfile | undefined {
    const defaultName = vscode.workspace.isTrusted
      ? this.config.get<string>(DEFAULT_PROFILE_SETTING)
      : this.config.inspect<string>(DEFAULT_PROFILE_SETTING)?.globalValue;
    return chooseActiveProfile(this.list(), this.context.workspaceState.get<string>(ACTIVE_PROFILE_STATE), defaultName);
  }

  /** True when the user settings give this profile this base URL (then its key may go there unasked). */
  chosenByUser(profile: ApiProfile): boolean {
    return chosenByUser(profile, this.config.inspect(PROFILES_SETTING)?.globalValue);
  }

  /** This workspace, as the remembered answers know it: its workspace file, else its folders. */
  private workspaceId(): string {
    const file = vscode.workspace.workspaceFile;
    if (file && file.scheme !== 'untitled') return file.toString();
    return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join('\n') || 'no folder';
  }

  /** The user's answer for this workspace's version of the profile, if they gave one. */
  sendDecision(profile: ApiProfile): SendDecision | undefined {
    const decisions = this.context.globalState.get<Record<string, SendDecision>>(SEND_DECISIONS_STATE, {});
    return decisions[sendDecisionKey(this.workspaceId(), profile)];
  }

  async recordSendDecision(profile: ApiProfile, decision: SendDecision): Promise<void> {
    const decisions = { ...this.context.globalState.get<Record<string, SendDecision>>(SEND_DECISIONS_STATE, {}) };
    decisions[sendDecisionKey(this.workspaceId(), profile)] = decision;
    await this.context.globalState.update(SEND_DECISIONS_STATE, decisions);
    this.changed.fire();
  }

  async setActive(name: string): Promise<void> {
    await this.context.workspaceState.update(ACTIVE_PROFILE_STATE, name);
    this.changed.fire();
  }

  /** Adds (or replaces by name) a profile in the user settings and stores its key in SecretStorage. */
  async add(profile: ApiProfile, apiKey: string): Promise<void> {
    await this.storeKey(profile, apiKey);
    const inspected = this.config.inspect(PROFILES_SETTING);
    await this.config.update(PROFILES_SETTING, withProfile(inspected?.globalValue, profile), vscode.ConfigurationTarget.Global);
    await this.setActive(profile.name);
  }

  /** Removes the profile from every settings scope that lists it, and its key. */
  async remove(profile: ApiProfile): Promise<void> {
    await this.signOut(profile);
    const inspected = this.config.inspect(PROFILES_SETTING);
    const scopes: [unknown, vscode.ConfigurationTarget][] = [
      [inspected?.globalValue, vscode.ConfigurationTarget.Global],
      [inspected?.workspaceValue, vscode.ConfigurationTarget.Workspace],
      [inspected?.workspaceFolderValue, vscode.ConfigurationTarget.WorkspaceFolder],
    ];
    for (const [value, target] of scopes) {
      const listed = Array.isArray(value) && value.some((e) => e && typeof e === 'object' && (e as { name?: unknown }).name === profile.name);
      if (listed) await this.config.update(PROFILES_SETTING, withoutProfile(value, profile.name), target);
    }
    if (this.context.workspaceState.get(ACTIVE_PROFILE_STATE) === profile.name) {
      await this.context.workspaceState.update(ACTIVE_PROFILE_STATE, undefined);
    }
    this.changed.fire();
  }

  async storeKey(profile: ApiProfile, apiKey: string): Promise<void> {
    await this.context.secrets.store(apiKeySecretName(profile.name), apiKey);
    const origins = { ...this.context.globalState.get<Record<string, string>>(KEY_ORIGINS_STATE, {}) };
    origins[profile.name] = profile.baseUrl;
    await this.context.globalState.update(KEY_ORIGINS_STATE, origins);
    this.changed.fire();
  }

  /** Forgets the profile's stored key (the profile itself stays). */
  async signOut(profile: ApiProfile): Promise<void> {
    await this.context.secrets.delete(apiKeySecretName(profile.name));
    const origins = { ...this.context.globalState.get<Record<string, string>>(KEY_ORIGINS_STATE, {}) };
    delete origins[profile.name];
    await this.context.globalState.update(KEY_ORIGINS_STATE, origins);
    this.changed.fire();
  }

  /**
   * The stored key, else POLYTOMIC_API_KEY from the environment (CI, the playground). Whether it may be sent to the
   * profile's address at all is SendPermission's question, asked before this.
   */
  async apiKey(profile: ApiProfile): Promise<ApiKeyLookup> {
    const stored = await this.context.secrets.get(apiKeySecretName(profile.name));
    if (stored) {
      const origin = this.context.globalState.get<Record<string, string>>(KEY_ORIGINS_STATE, {})[profile.name];
      const use = storedKeyUse(profile, stored, origin);
      return use.key ? { key: use.key, source: 'secretStorage' } : { originMismatch: use.problem };
    }
    const fromEnv = process.env[API_KEY_ENV];
    return fromEnv ? { key: fromEnv, source: 'environment' } : {};
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
