// Asked before any request leaves: may the active profile's key go to its base URL? Yes for a URL the user
// settings give the profile; in a trusted workspace, a profile that only this workspace's settings define (or point
// elsewhere) needs the user's "Allow" once, kept for this workspace; in Restricted Mode nothing is sent (the rules are
// in core/src/profiles/keyDestination.ts). A command asks with a modal and goes on when allowed; background work
// (catalog warm-up, the tree) asks once per session with a notification and sends nothing until it is answered.
import * as vscode from 'vscode';
import type { ApiProfile } from '../../../core/src/api/profile';
import { sendVerdict } from '../../../core/src/profiles/keyDestination';
import type { PromptHolder } from '../ui';
import { UserError } from '../userError';
import type { ProfileStore } from './profileStore';

const ALLOW = 'Allow';
const DENY = "Don't Allow";

/** The request was not sent: Restricted Mode, or the workspace's profile was not allowed (yet). */
export class SendNotAllowed extends UserError {}

export type AskMode = 'modal' | 'background';

export function sendQuestion(profile: ApiProfile): string {
  return `This workspace's settings point profile "${profile.name}" at ${profile.baseUrl}: allow sending your Polytomic API key there?`;
}

export class SendPermission {
  private readonly askedInBackground = new Set<string>();

  constructor(
    private readonly profiles: ProfileStore,
    private readonly prompts: PromptHolder,
  ) {}

  /** Resolves when the profile's requests may go out; throws SendNotAllowed (nothing was sent) otherwise. */
  async check(profile: ApiProfile, mode: AskMode): Promise<void> {
    const verdict = this.verdict(profile);
    if (verdict.send) return;
    if (verdict.reason === 'restricted') {
      throw new SendNotAllowed(
        'This workspace is in Restricted Mode: Polytomic sends nothing from it until you trust it. Editing and checking connection files keep working.',
        [{ title: 'Manage Workspace Trust', command: 'workbench.trust.manage' }],
        'warning',
      );
    }
    if (verdict.reason === 'ask') {
      if (mode === 'modal' && (await this.ask(profile))) return;
      if (mode === 'background') this.askInBackground(profile);
    }
    const why = this.profiles.sendDecision(profile) === 'deny' ? 'you did not allow it for this workspace' : 'it is not allowed for this workspace yet';
    throw new SendNotAllowed(
      `Nothing was sent: profile "${profile.name}" comes from this workspace's settings and points at ${profile.baseUrl}, and ${why}. Switch Profile to allow it, or to use a profile of your own.`,
      [{ title: 'Switch Profile', command: 'polytomic.switchProfile' }],
      'warning',
    );
  }

  /** True when the key may go to the profile's address now (no question asked). */
  allowed(profile: ApiProfile): boolean {
    return this.verdict(profile).send;
  }

  /** Asks with a modal (again, if answered before) and records the answer; true when allowed. */
  async ask(profile: ApiProfile): Promise<boolean> {
    const picked = await this.prompts.current.chooseModal(
      sendQuestion(profile),
      `Your user settings do not give profile "${profile.name}" this address. Allowed, every request of this workspace goes there with your API key (stored, or POLYTOMIC_API_KEY) and the connection files with their secrets filled in. Allow only if you trust ${profile.baseUrl}.\n\nThe answer is kept for this workspace, outside its files.`,
      [ALLOW, DENY],
    );
    if (picked === ALLOW || picked === DENY) await this.profiles.recordSendDecision(profile, picked === ALLOW ? 'allow' : 'deny');
    return picked === ALLOW;
  }

  private verdict(profile: ApiProfile) {
    return sendVerdict({
      workspaceTrusted: vscode.workspace.isTrusted,
      chosenByUser: this.profiles.chosenByUser(profile),
      decision: this.profiles.sendDecision(profile),
    });
  }

  /** One notification per profile and address in a session; an answer is recorded (and wakes the background work). */
  private askInBackground(profile: ApiProfile): void {
    const key = `${profile.name}\n${profile.baseUrl}`;
    if (this.askedInBackground.has(key)) return;
    this.askedInBackground.add(key);
    void this.prompts.current.notify('warning', `${sendQuestion(profile)} Nothing is sent until you answer.`, ALLOW, DENY).then(async (picked) => {
      if (picked === ALLOW || picked === DENY) await this.profiles.recordSendDecision(profile, picked === ALLOW ? 'allow' : 'deny');
    });
  }
}
