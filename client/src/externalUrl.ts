// Which addresses from the API the extension opens in the browser: https:// only. An auth_url comes from the server
// (or from whatever answers at a profile's base URL); opened as is, command:, file:, vscode: or javascript: would run
// or open something on this machine instead of a sign-in page. No vscode import: node tests run it directly.

export type ExternalUrlCheck = { url: string } | { problem: string };

/** The URL to open, or why it is not opened. */
export function httpsOnly(text: unknown): ExternalUrlCheck {
  if (typeof text !== 'string' || text.trim() === '') return { problem: 'Polytomic sent no address to open.' };
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    return { problem: 'Polytomic sent an address to open that is not a URL; it was not opened.' };
  }
  if (parsed.protocol !== 'https:') {
    return { problem: `Polytomic sent an address to open that is not https:// (it starts with ${parsed.protocol}); it was not opened.` };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { problem: 'Polytomic sent an address to open with a user name or password in it; it was not opened.' };
  }
  return { url: parsed.href };
}
