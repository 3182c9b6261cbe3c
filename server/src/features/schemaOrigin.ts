// Where a type's schema came from, in words for the hover: "the live schema of profile staging, fetched 3 hours ago"
// (from the catalog folder's meta.json, which the client writes), or "the bundled catalog"; never a cache path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function schemaOrigin(catalogDir: string, bundled: boolean, typeId: string, now = Date.now()): string {
  if (bundled) return "the extension's bundled catalog";
  let meta: { profileName?: unknown; schemas?: Record<string, unknown> } | undefined;
  try {
    meta = JSON.parse(readFileSync(join(catalogDir, 'meta.json'), 'utf8'));
  } catch {
    meta = undefined;
  }
  const profile = typeof meta?.profileName === 'string' ? `profile ${meta.profileName}` : 'a profile';
  const fetched = typeof meta?.schemas?.[typeId] === 'string' ? Date.parse(meta.schemas[typeId] as string) : NaN;
  return Number.isNaN(fetched) ? `the live schema of ${profile}` : `the live schema of ${profile}, fetched ${age(now - fetched)} ago`;
}

function age(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}
