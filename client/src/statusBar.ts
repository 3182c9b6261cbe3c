// The status bar shows the active profile and switches profiles on click (or offers Add Profile when there is none).
import * as vscode from 'vscode';
import type { ProfileStore } from './profiles/profileStore';

export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('polytomic.profile', vscode.StatusBarAlignment.Left, 20);

  constructor(private readonly profiles: ProfileStore) {
    this.item.name = 'Polytomic Profile';
  }

  async update(): Promise<void> {
    const profile = this.profiles.active();
    if (!profile) {
      this.item.text = '$(plug) Polytomic: Add Profile';
      this.item.tooltip = 'No Polytomic profile yet: add one to create and update connections.';
      this.item.command = 'polytomic.addProfile';
    } else {
      const key = await this.profiles.apiKey(profile);
      this.item.text = key.key ? `$(plug) Polytomic: ${profile.name}` : `$(warning) Polytomic: ${profile.name}`;
      const tooltip = new vscode.MarkdownString(undefined, true);
      tooltip.appendMarkdown(`**Polytomic profile** ${escape(profile.name)}\n\n${escape(profile.baseUrl)} · API ${profile.apiVersion} · ${profile.keyKind === 'user' ? 'user key' : 'organization key'}`);
      tooltip.appendMarkdown(
        key.source === 'environment'
          ? '\n\nKey from the POLYTOMIC_API_KEY environment variable.'
          : key.key
            ? '\n\nKey in VS Code secret storage.'
            : `\n\n$(warning) ${escape(key.originMismatch ?? 'No API key: run Polytomic: Enter API Key.')}`,
      );
      tooltip.appendMarkdown('\n\nClick to switch profile.');
      this.item.tooltip = tooltip;
      this.item.command = 'polytomic.switchProfile';
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
