// The emulator's stand-in for "validate: the API connects to the upstream service": any hostname or URL that
// contains "unreachable" cannot be reached. Everything else connects.

const ADDRESS_FIELD = /(host|url|uri|domain|endpoint|server|address)/i;
const URL_VALUE = /^[a-z][a-z0-9+.-]*:\/\//i;

function findUnreachable(value: unknown, path: string, addressy: boolean): { field: string; address: string } | undefined {
  if (typeof value === 'string') {
    return (addressy || URL_VALUE.test(value)) && /unreachable/i.test(value) ? { field: path, address: value } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnreachable(item, `${path}[${i}]`, addressy);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnreachable(item, path ? `${path}.${key}` : key, ADDRESS_FIELD.test(key));
      if (found) return found;
    }
  }
  return undefined;
}

function hostOf(address: string): string {
  try {
    return URL_VALUE.test(address) ? new URL(address).hostname : address;
  } catch {
    return address;
  }
}

/** The failure message, or undefined when the upstream answers. */
export function checkUpstream(configuration: Record<string, unknown>): string | undefined {
  const found = findUnreachable(configuration, '', false);
  if (!found) return undefined;
  return `connection test failed: could not reach \`${found.field}\` (${hostOf(found.address)}): dial tcp: lookup ${hostOf(found.address)}: no such host`;
}
