// Where the values behind placeholders come from, and what is kept about secrets that were sent:
// `${secret:NAME}` values in SecretStorage under this workspace's scope (another workspace cannot name them),
// `${env:NAME}` from the environment or, when the user typed one in, from this session's memory only, and the HMAC
// key of the secret fingerprints and create-key digests, in SecretStorage too (never in workspace state).
import { createHash, randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { placeholderSecretName, PlaceholderSources } from '../../../core/src/placeholders';
import type { FingerprintStorage } from '../../../core/src/secretFingerprints';

const KEY_NAME = 'polytomic.fingerprintKey';
const FINGERPRINTS_PREFIX = 'polytomic.fingerprints/';

export class PlaceholderSecrets {
  /** `${env:NAME}` values typed in for this session ("Use for this session"); gone when VS Code closes. */
  private readonly session = new Map<string, string>();
  private key: Promise<string> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** This workspace's scope for `${secret:...}` names: the workspace file or first folder, hashed. */
  scope(): string {
    const where = vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    return where ? createHash('sha256').update(where.toString()).digest('hex').slice(0, 16) : 'no-workspace';
  }

  getSecret(name: string): Thenable<string | undefined> {
    return this.secrets.get(placeholderSecretName(name, this.scope()));
  }

  storeSecret(name: string, value: string): Thenable<void> {
    return this.secrets.store(placeholderSecretName(name, this.scope()), value);
  }

  useForSession(name: string, value: string): void {
    this.session.set(name, value);
  }

  sources(): PlaceholderSources {
    return {
      env: (name) => process.env[name] ?? this.session.get(name),
      secret: async (name) => this.getSecret(name),
    };
  }

  /** The HMAC key of fingerprints and create-key digests, made on first use. */
  digestKey(): Promise<string> {
    this.key ??= (async () => {
      const stored = await this.secrets.get(KEY_NAME);
      if (stored) return stored;
      const made = randomBytes(32).toString('base64url');
      await this.secrets.store(KEY_NAME, made);
      return made;
    })();
    return this.key;
  }

  fingerprints(): FingerprintStorage {
    return {
      key: () => this.digestKey(),
      read: async (scope) => {
        const text = await this.secrets.get(FINGERPRINTS_PREFIX + scope);
        if (!text) return undefined;
        try {
          const parsed: unknown = JSON.parse(text);
          return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : undefined;
        } catch {
          return undefined;
        }
      },
      write: async (scope, fingerprints) => {
        if (fingerprints) await this.secrets.store(FINGERPRINTS_PREFIX + scope, JSON.stringify(fingerprints));
        else await this.secrets.delete(FINGERPRINTS_PREFIX + scope);
      },
    };
  }
}
