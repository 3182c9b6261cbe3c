// The allow-listed environment of scripts/child-env.cjs, for every process the harness starts: nothing that the
// outer npm (`npm test`) exported reaches code-server, its npm, the emulator or editor-env.
import * as path from 'node:path';
import { repoRoot } from './repo';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const childEnvScript = require(path.join(repoRoot, 'scripts', 'child-env.cjs')) as {
  childEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
};

export const childEnv = childEnvScript.childEnv;
