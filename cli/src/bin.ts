// The entry of dist/cli.js: runs main on this process's arguments and sets the exit code (stdout drains first).
import { main } from './main';
import { processOutput } from './output';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error; // a closed pipe (| head) is not a failure of ours
});
void main(process.argv.slice(2), { cwd: process.cwd(), env: process.env }, processOutput).then((code) => {
  process.exitCode = code;
});
