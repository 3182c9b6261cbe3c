// Where the tool caches what it fetched: $XDG_CACHE_HOME/polytomic-connections, else ~/.cache/polytomic-connections.
import * as os from 'node:os';
import * as path from 'node:path';

export function cacheRoot(env: Record<string, string | undefined>, home: string = os.homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative value is invalid and is ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'polytomic-connections');
}
