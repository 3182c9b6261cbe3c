// Relays the workbench's log (window.codeAutomationLog: the extension host's console, where mocha reports, and the
// workbench's own messages) without the chatter that is expected on an offline machine. VERBOSE=1 shows everything.
import { format } from 'node:util';

const EXPECTED_NOISE = [
  /ENOTFOUND open-vsx\.org/, // the extension gallery is unreachable offline
  /authentication provider 'github'/, // no GitHub sign-in in a test profile
  /vsda/, // signing module not shipped with code-server
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^\[Service Worker\]/,
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
  /^Updating additional builtin extensions cache/,
];

export function relayWorkbenchLog(_type: string, args: unknown[]): void {
  const text = format(...args);
  if (!process.env.VERBOSE && EXPECTED_NOISE.some((pattern) => pattern.test(text))) return;
  console.log(text);
}
