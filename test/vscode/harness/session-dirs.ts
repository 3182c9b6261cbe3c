// One temporary folder per run holding everything VS Code and Chromium write: removed when the run ends.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RunScope } from './scope';
import { childEnv } from './child-env';

export interface SessionDirs {
  root: string;
  workspace: string;
  userData: string;
  extensions: string;
  tmp: string;
  /**
   * The environment for child processes: allow-listed (no npm_* variable of the outer npm), TMPDIR and XDG_* inside
   * `root`, so nothing lands in the user's home.
   */
  processEnv(): NodeJS.ProcessEnv;
}

export function createSessionDirs(scope: RunScope, prefix: string): SessionDirs {
  const root = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  scope.own(() => {
    if (process.env.KEEP_TMP) scope.log(`kept ${root} (KEEP_TMP is set)`);
    else rmSync(root, { recursive: true, force: true });
  });
  const dir = (name: string) => {
    const full = path.join(root, name);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const dirs = {
    root,
    workspace: path.join(root, 'workspace'),
    userData: dir('user-data'),
    extensions: dir('extensions'),
    tmp: dir('tmp'),
  };
  const xdg = { XDG_CONFIG_HOME: dir('xdg/config'), XDG_DATA_HOME: dir('xdg/data'), XDG_CACHE_HOME: dir('xdg/cache') };
  return {
    ...dirs,
    processEnv: () => childEnv({ TMPDIR: dirs.tmp, ...xdg }),
  };
}
