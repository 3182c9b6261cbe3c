// GitHub Actions workflow commands (::error file=...::message). The runner decodes %25, %0D and %0A in the message,
// and additionally %3A and %2C in property values, whose ":" and "," would otherwise end the value. Other control
// characters (ESC, BEL) are dropped: an annotation is shown in a log and a web page, where they would do no good.

/** Control characters other than the line breaks the runner decodes: dropped (a tab becomes a space). */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeData(text: string): string {
  return text.replace(/\t/g, ' ').replace(CONTROLS, '').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One annotation line; properties in the order given, each escaped. */
export function workflowCommand(level: AnnotationLevel, properties: [string, string | number][], message: string): string {
  const props = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
