// Drift: for a connection a file holds, which side moved since the two last agreed: the file, Polytomic, or both.
// The last agreement (a baseline) is kept per profile and connection as two keyed digests, one of the file's content
// and one of the live connection's; a digest says nothing without the key (live answers can carry nested secrets in
// clear). A baseline is recorded whenever the two are seen equal, and after an apply, a pull or an import.
import { createHmac } from 'node:crypto';
import type { Connection } from '../api/types';
import { canonicalJson } from '../createKeys';
import { parseConnectionText } from '../connectionFile';
import { describeSecretStatus, fingerprintScope } from '../secretFingerprints';
import type { PlanItem } from './plan';

export type DriftState = 'in-sync' | 'file-changed' | 'live-changed' | 'both-changed' | 'differs';

export interface Baseline {
  file: string;
  live: string;
}

/** Where baselines are kept (the extension: workspace state, keyed with the secret-storage key). */
export interface BaselineStorage {
  key(): Promise<string>;
  read(scope: string): Promise<Baseline | undefined>;
  write(scope: string, baseline: Baseline | undefined): Promise<void>;
}

/** Words for the tree. */
export const DRIFT_WORDS: Record<DriftState, string> = {
  'in-sync': 'in sync',
  'file-changed': 'changed in the file',
  'live-changed': 'changed in Polytomic',
  'both-changed': 'changed in the file and in Polytomic',
  differs: 'differs from the file',
};

/** The parts of a file that Polytomic stores (not id, $schema, validate, force_destroy). */
const STORED_KEYS = ['name', 'type', 'organization_id', 'policies', 'healthcheck_interval', 'configuration'] as const;

function digest(key: string, kind: string, value: unknown): string {
  return createHmac('sha256', key).update(`drift\0${kind}\0${canonicalJson(value)}`).digest('base64url');
}

export function fileDigest(key: string, text: string): string {
  const value = parseConnectionText(text).value ?? {};
  return digest(key, 'file', Object.fromEntries(STORED_KEYS.map((k) => [k, value[k]])));
}

export function liveDigest(key: string, live: Connection): string {
  return digest(key, 'live', {
    name: live.name,
    type: live.type?.id,
    organization_id: live.organization_id,
    policies: live.policies,
    healthcheck_interval: live.healthcheck_interval,
    configuration: live.configuration,
  });
}

/** Records that the file's text and the live connection agree now. */
export async function recordBaseline(storage: BaselineStorage, profileName: string, text: string, live: Connection): Promise<void> {
  const key = await storage.key();
  await storage.write(fingerprintScope(profileName, live.id), { file: fileDigest(key, text), live: liveDigest(key, live) });
}

/**
 * The drift of each file-held connection of a plan, by id (update and unchanged items only: the others have no live
 * side to compare). An unchanged item is in sync, and its baseline is brought up to date.
 */
export async function driftOf(items: readonly PlanItem[], storage: BaselineStorage, profileName: string): Promise<Map<string, DriftState>> {
  const out = new Map<string, DriftState>();
  const key = await storage.key();
  for (const item of items) {
    if (!item.id || !item.live || !item.file || (item.action !== 'update' && item.action !== 'unchanged')) continue;
    const scope = fingerprintScope(profileName, item.id);
    const fileNow = fileDigest(key, item.file.text);
    const liveNow = liveDigest(key, item.live);
    const baseline = await storage.read(scope);
    if (item.action === 'unchanged') {
      if (baseline?.file !== fileNow || baseline?.live !== liveNow) await storage.write(scope, { file: fileNow, live: liveNow });
      out.set(item.id, 'in-sync');
      continue;
    }
    if (!baseline) {
      out.set(item.id, 'differs');
      continue;
    }
    // A secret whose value changed behind its placeholder is a change of the file, though its text is the same.
    const fileChanged = baseline.file !== fileNow || item.changes.some((c) => c.note === describeSecretStatus('changed'));
    const liveChanged = baseline.live !== liveNow;
    out.set(item.id, fileChanged && liveChanged ? 'both-changed' : fileChanged ? 'file-changed' : liveChanged ? 'live-changed' : 'differs');
  }
  return out;
}
