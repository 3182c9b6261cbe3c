// Text from outside the extension (API answers: error messages, Location headers, connection and dependent names;
// workspace files and settings: file names, keys, profile names) made inert before VS Code shows it. VS Code renders
// `[label](command:...)` (and https:, file:) in a notification, a progress notification and a language status item as
// a link that runs the command when clicked, e.g. workbench.action.terminal.sendSequence: text that reaches the user
// from outside must never carry one. The prompt layer (ui.ts) applies this to every message, so no call site can
// forget it. No vscode import: node tests run it directly.

/** Long enough for any message the extension writes with a quoted error; longer text is cut with an ellipsis. */
export const DEFAULT_MAX_LENGTH = 1000;

// C0/C1 controls (except tab and newlines, which become spaces), zero-width characters and bidirectional overrides,
// which could hide or reorder what the user reads.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LINE_BREAKS = /[\t\r\n\u2028\u2029\u0085]+/g;
// VS Code's link syntax needs "](" with nothing between; a space breaks every form of it.
const LINK_JOIN = /\]\(/g;

function neutralise(text: string): string {
  return text.replace(INVISIBLE, '').replace(LINK_JOIN, '] (');
}

function cap(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = Math.max(0, maxLength - 1);
  // Never split a surrogate pair: half an emoji is a replacement character.
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1])) cut--;
  return `${text.slice(0, cut)}…`;
}

/** One line of plain text with no link VS Code would render, at most `maxLength` characters. */
export function inertText(text: unknown, maxLength = DEFAULT_MAX_LENGTH): string {
  const value = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
  const oneLine = neutralise(value.replace(LINE_BREAKS, ' ')).replace(/ {2,}/g, ' ').trim();
  return cap(oneLine, maxLength);
}

/**
 * The same for a modal's detail, which the extension writes on several lines (dependents, a diff summary): each line
 * made inert on its own, at most `maxLines` of them.
 */
export function inertLines(text: unknown, maxLines = 40, maxLineLength = 300): string {
  const value = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
  const lines = value.split(/\r\n|[\r\n\u2028\u2029\u0085]/).map((line) => cap(neutralise(line.replace(/\t/g, ' ')).trimEnd(), maxLineLength));
  if (lines.length <= maxLines) return lines.join('\n');
  return [...lines.slice(0, maxLines - 1), `… and ${lines.length - maxLines + 1} more lines`].join('\n');
}
