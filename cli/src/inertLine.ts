// Text from outside (a file's name or path, a connection's name from the API, a server's message) printed on one
// line of a terminal or a CI log: a control character would reach the terminal (ESC starts colour and title
// sequences, BEL rings) and a line break would start a line of its own, which a GitHub runner reads as a workflow
// command when it begins with "::" (::add-mask::, ::error::...). JSON output needs none of this: JSON escapes them.

/** Line breaks, tabs and the Unicode line and paragraph separators: each run becomes one space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** The other C0 controls (ESC, BEL, NUL...), DEL, the C1 controls, and the bidirectional embeddings and overrides. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text as one inert line: no control character, no line break. */
export function inertLine(text: string | number): string {
  return String(text).replace(BREAKS, ' ').replace(CONTROLS, '');
}

/**
 * The runner takes a line for a workflow command when it starts with "::" after leading whitespace: such a line of
 * ours (a reason that begins with a file's name, say) gets a space into its "::", which the runner then ignores.
 */
export function noWorkflowCommands(text: string): string {
  return text.replace(/^([ \t]*):(?=:)/gm, '$1: ');
}
