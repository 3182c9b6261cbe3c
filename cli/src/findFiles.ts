// The files a command works on, found by the engine's finder (core/src/workspace/nodeFiles.ts: each path a file or a
// folder searched for *.polytomic.json, node_modules, .git and .polytomic skipped). Paths are checked first, so a
// typo is a usage error that names the path, not a stack of ENOENT.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceFile } from '../../core/src/workspace/files';
import { findConnectionFiles } from '../../core/src/workspace/nodeFiles';
import { CliError, describeError } from './cliError';

export async function findFiles(paths: string[], cwd: string): Promise<WorkspaceFile[]> {
  const roots = paths.length > 0 ? paths : ['.'];
  for (const given of roots) {
    try {
      await fs.stat(path.resolve(cwd, given));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(code === 'ENOENT' ? `${given}: no such file or folder. Give connection files or folders that hold them.` : `${given}: cannot read it (${code}).`);
    }
  }
  try {
    return await findConnectionFiles(roots, cwd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = (error as NodeJS.ErrnoException).path;
    throw new CliError(`Cannot read ${where ? path.relative(cwd, where) || where : 'a connection file'} (${code ?? describeError(error)}).`);
  }
}
